// The iCalendar text around what ical-generator writes: the calendar's own head and tail (feeds
// are joined from per-session blocks, so the library never writes a whole calendar), and the one
// pass over each component it writes: CRLF endings, lines folded at 75 octets, URLs unescaped.

const MAX_LINE_OCTETS = 75;

/** UTF-8 length of one code point. */
function octetsOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** 'YYYY-MM-DD' + 'HH:MM' → '20270330T100000' (local form, used with TZID). */
export function formatLocalDateTime(date: string, time: string): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

/** An instant → '20270330T090000Z'. */
export function formatUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Folds one content line: at most 75 octets per physical line, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line starts with a space, which counts towards its 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Undoes TEXT escaping that a URI value must not have. */
function unescapeUri(value: string): string {
  return value.replace(/\\([\\;,])/g, '$1');
}

export interface CalendarHeader {
  name: string;
  description: string;
  /** How often subscribers should refresh, in hours: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
  refreshHours: number;
  prodId: string;
}

/** The calendar's own properties, in the order calendar apps expect them. */
function headerLines(header: CalendarHeader): string[] {
  const ttl = `PT${header.refreshHours}H`;
  const lines = [
    'VERSION:2.0',
    `PRODID:${header.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(header.name)}`,
    `X-WR-CALNAME:${escapeText(header.name)}`,
  ];
  if (header.description !== '') {
    lines.push(
      `DESCRIPTION:${escapeText(header.description)}`,
      `X-WR-CALDESC:${escapeText(header.description)}`,
    );
  }
  // No X-WR-TIMEZONE: every time carries its TZID or is UTC, and software that honours it reads
  // UTC times as London ones (Python's x-wr-timezone, used by recurring_ical_events), which puts
  // an October time written as UTC to avoid the repeated hour back into it, an hour late.
  lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${ttl}`, `X-PUBLISHED-TTL:${ttl}`);
  return lines;
}

/** `BEGIN:VCALENDAR` and the calendar's own properties, folded, each line ending in CRLF. */
export function formatCalendarHead(header: CalendarHeader): string {
  return ['BEGIN:VCALENDAR', ...headerLines(header)].map(foldLine).join('\r\n') + '\r\n';
}

export const CALENDAR_TAIL = 'END:VCALENDAR\r\n';

/**
 * Formats components as served: each line ended with CRLF and folded at 75 octets (ical-generator
 * folds only when it writes a whole calendar), and URL values without the TEXT escaping
 * ical-generator gives them. Components formatted one by one join into a valid calendar.
 */
export function formatComponents(raw: string): string {
  let out = '';
  for (const line of raw.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const url = /^URL(;[^:]*)?:(.*)$/.exec(line);
    out += foldLine(url ? `URL${url[1] ?? ''}:${unescapeUri(url[2] ?? '')}` : line) + '\r\n';
  }
  return out;
}
