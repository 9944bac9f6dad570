// How the print sheet writes an address and a repeat rule.

/** An address as a person would type it: no scheme, no trailing slash. */
export function writtenAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A rule's times read as words ("10:00 to 11:00"), the way the kiosk says every other time. */
export function plainRule(rule: string): string {
  return rule.replace(/(\d\d:\d\d)–(\d\d:\d\d)/g, '$1 to $2');
}
