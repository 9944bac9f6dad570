// Text from a calendar made fit to publish: HTML (Google sends some) turned into plain text,
// control characters dropped, titles on one line, lengths kept within what sessions allow.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  copy: '©',
  bull: '•',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** True when the text looks like HTML rather than plain text with a stray "<". */
function looksLikeHtml(text: string): boolean {
  return /<\/?(a|b|i|u|p|br|div|span|ul|ol|li|em|strong|h[1-6]|html|body|font|table|tr|td)\b[^>]*>/i.test(
    text,
  );
}

/** Plain text of an HTML description: links keep their address, blocks become lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(
        /<a\b[^>]*?href\s*=\s*["']?([^"'\s>]+)["']?[^>]*>([\s\S]*?)<\/a\s*>/gi,
        (_, href: string, inner: string) => {
          const label = inner.replace(/<[^>]*>/g, '').trim();
          return label === '' || label === href || href.startsWith('mailto:')
            ? label || href
            : `${label} (${href})`;
        },
      )
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n• ')
      .replace(/<\/(p|div|h[1-6]|ul|ol|tr|table|blockquote)\s*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  );
}

// C0 controls but tab, LF and CR; DEL; C1 controls; lone surrogates.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts text to at most `max` characters, at a word where it can, ending with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** A title: one line, no control characters, at most `max` characters. */
export function cleanTitle(raw: string, max: number): string {
  return cut(raw.replace(CONTROL, '').replace(/\s+/g, ' ').trim(), max);
}

/** A description: plain text in paragraphs (HTML turned into text), at most `max` characters. */
export function cleanDescription(raw: string, max: number): string {
  const plain = looksLikeHtml(raw) ? htmlToText(raw) : raw;
  const text = plain
    // eslint-disable-next-line no-control-regex
    .replace(/\r\n|[\r\u0085\u2028\u2029\u000b\u000c]/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\t\u00a0]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cut(text, max);
}

/** A web address to publish: http(s) only, else ''. */
export function cleanUrl(raw: string, max: number): string {
  const value = raw.trim();
  if (value.length > max || !/^https?:\/\//i.test(value)) return '';
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '' ? value : '';
  } catch {
    return '';
  }
}
