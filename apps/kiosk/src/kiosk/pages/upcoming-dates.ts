// A session's coming dates for take-home and print: only dates that have not ended yet.
import type { LocalOccurrence, Recurrence } from '@fiveways/shared';
import type { Directory } from '../directory/types.ts';

/** The end of a date is what counts: a session on now is still worth taking home. */
function hasEnded(
  directory: Pick<Directory, 'occurrenceSpan'>,
  o: LocalOccurrence,
  now: number,
): boolean {
  return Date.parse(directory.occurrenceSpan(o).end) <= now;
}

/** Up to `n` of the session's dates from today on that have not ended at `now`. */
export function upcomingDates(
  directory: Pick<Directory, 'nextOccurrences' | 'occurrenceSpan'>,
  session: Recurrence,
  today: string,
  now: number,
  n: number,
): LocalOccurrence[] {
  // Today's dates may have ended: ask for a few more than needed.
  return directory
    .nextOccurrences(session, today, n + 3)
    .filter((o) => !hasEnded(directory, o, now))
    .slice(0, n);
}

/** An address as a person would type it: no scheme, no trailing slash. */
export function writtenAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A rule's times read as words ("10:00 to 11:00"), the way the kiosk says every other time. */
export function plainRule(rule: string): string {
  return rule.replace(/(\d\d:\d\d)–(\d\d:\d\d)/g, '$1 to $2');
}
