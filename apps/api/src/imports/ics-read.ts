// Reads iCalendar text into its parts without trusting it: lines are unfolded and checked here,
// then each event and time zone is parsed by ical.js on its own, so one broken event costs only
// itself, and a feed nested too deeply or holding too many events is cut short, not followed.

import ICAL from 'ical.js';

/** Components a real calendar nests (VCALENDAR > VEVENT > VALARM); a feed deeper than this is hostile. */
const MAX_DEPTH = 8;

/** The longest content line read (a 100 KB description is generous; Outlook's HTML can be long). */
const MAX_LINE_CHARS = 200_000;

// name *(";" param) ":" value, as RFC 5545 section 3.1 writes a content line.
const CONTENT_LINE =
  /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

export interface CalendarParts {
  /** Each VEVENT, parsed; the ones that could not be parsed at all are in `unreadable`. */
  events: ICAL.Component[];
  /** Events that could not be read, by the UID and title seen in their lines, and the vital property that could not be read (null: the event as a whole). */
  unreadable: { uid: string; title: string; property: string | null }[];
  /** The calendar's own VTIMEZONEs, by TZID. */
  zones: Map<string, ICAL.Timezone>;
  /** X-WR-CALNAME, when the calendar names itself. */
  name: string | null;
  /** How many VEVENTs the text holds, counting those past the cap. */
  eventsFound: number;
}

function unfold(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

/** The value of the first line called `name` among `lines`, unescaped as TEXT; '' when absent. */
function rawValue(lines: readonly string[], name: string): string {
  const prefix = new RegExp(`^${name}[;:]`, 'i');
  const line = lines.find((l) => prefix.test(l));
  if (line === undefined) return '';
  const value = line.slice(line.indexOf(':', name.length) + 1);
  return value.replace(/\\([,;\\nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/** Properties an event cannot lose and keep its meaning: without one, the event is not read. */
const VITAL = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'STATUS',
]);

/**
 * Parses one component's lines with ical.js; on failure, again without the lines it cannot read,
 * unless one of those is vital (then `lost` names it). Null when it cannot be read at all.
 */
function parseComponent(
  lines: readonly string[],
  vital: ReadonlySet<string>,
): ICAL.Component | { lost: string } | null {
  try {
    return firstChild(parseCalendar(lines));
  } catch {
    // Find the lines ical.js rejects one by one and leave them out.
    let lost: string | null = null;
    const kept = lines.filter((line) => {
      if (/^(BEGIN|END):/i.test(line)) return true;
      try {
        // In a component of its own, so the value is read as the type its name gives it.
        parseCalendar(['BEGIN:VEVENT', line, 'END:VEVENT']);
        return true;
      } catch {
        const name = (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '').toUpperCase();
        if (vital.has(name)) lost ??= name;
        return false;
      }
    });
    if (lost !== null) return { lost };
    try {
      return firstChild(parseCalendar(kept));
    } catch {
      return null;
    }
  }
}

/** The lines wrapped in a calendar of their own and parsed; throws what ical.js throws. */
function parseCalendar(lines: readonly string[]): ICAL.Component {
  const jcal: unknown = ICAL.parse(`BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR`);
  if (!Array.isArray(jcal)) throw new Error('not one calendar');
  return new ICAL.Component(jcal);
}

function firstChild(calendar: ICAL.Component): ICAL.Component | null {
  return calendar.getAllSubcomponents()[0] ?? null;
}

/**
 * The calendar's events and time zones, or a plain-English reason it cannot be read at all.
 * At most `maxEvents` events are parsed; `eventsFound` says how many there were.
 */
export function readCalendar(text: string, maxEvents: number): CalendarParts | { error: string } {
  const lines = unfold(text);
  let at = 0;
  while (at < lines.length && (lines[at] ?? '').trim() === '') at += 1;
  if (!/^BEGIN:VCALENDAR\s*$/i.test(lines[at] ?? '')) {
    return { error: 'this is not a calendar: it does not start with BEGIN:VCALENDAR' };
  }
  const parts: CalendarParts = {
    events: [],
    unreadable: [],
    zones: new Map(),
    name: null,
    eventsFound: 0,
  };
  const stack: string[] = [];
  let block: string[] | null = null;
  let blockKind = '';
  let ended = false;
  for (; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (line.trim() === '') continue;
    if (line.length > MAX_LINE_CHARS || !CONTENT_LINE.test(line)) continue;
    const begin = /^BEGIN:(.*)$/i.exec(line);
    const end = begin === null ? /^END:(.*)$/i.exec(line) : null;
    if (begin !== null) {
      const kind = (begin[1] ?? '').trim().toUpperCase();
      stack.push(kind);
      if (stack.length > MAX_DEPTH) {
        return {
          error: `the calendar's sections are nested more than ${MAX_DEPTH} deep, which no real calendar does`,
        };
      }
      if (stack.length === 2) {
        block = [line];
        blockKind = kind;
        continue;
      }
    } else if (end !== null) {
      const kind = (end[1] ?? '').trim().toUpperCase();
      // An END that does not close the open section is ignored; sections left open are closed here.
      if (!stack.includes(kind)) continue;
      // Sections left open inside it are closed with it (closeSections writes their ENDs).
      while (stack.length > 0 && stack[stack.length - 1] !== kind) stack.pop();
      stack.pop();
      if (stack.length <= 1 && block !== null) {
        if (stack.length === 1) block.push(line);
        finishBlock(parts, blockKind, block, maxEvents);
        block = null;
        if (stack.length === 1) continue;
      }
      if (stack.length === 0) {
        ended = true;
        break;
      }
    } else if (stack.length === 1) {
      if (/^X-WR-CALNAME[;:]/i.test(line)) parts.name = rawValue([line], 'X-WR-CALNAME').trim();
      continue;
    }
    block?.push(line);
  }
  // A feed cut off mid-event still gives the events it finished, and this one if it reads.
  if (block !== null) finishBlock(parts, blockKind, block, maxEvents);
  if (!ended && parts.eventsFound === 0) {
    return { error: 'the calendar is cut short: it has no END:VCALENDAR and no events' };
  }
  return parts;
}

function finishBlock(parts: CalendarParts, kind: string, block: string[], maxEvents: number) {
  const clean = closeSections(block);
  if (kind === 'VEVENT') {
    parts.eventsFound += 1;
    if (parts.events.length + parts.unreadable.length >= maxEvents) return;
    const event = parseComponent(clean, VITAL);
    if (event === null || 'lost' in event) {
      parts.unreadable.push({
        uid: rawValue(clean, 'UID'),
        title: rawValue(clean, 'SUMMARY'),
        property: event?.lost ?? null,
      });
    } else {
      parts.events.push(event);
    }
  } else if (kind === 'VTIMEZONE') {
    const zone = parseComponent(clean, new Set());
    if (zone === null || 'lost' in zone) return;
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || tzid === '') return;
    try {
      parts.zones.set(tzid, new ICAL.Timezone(zone));
    } catch {
      // A VTIMEZONE ical.js cannot use is left out; events naming it are reported then.
    }
  }
}

/** The block with every section it opens closed, in order (a sloppy feed may leave one open). */
function closeSections(block: readonly string[]): string[] {
  const out: string[] = [];
  const open: string[] = [];
  for (const line of block) {
    const begin = /^BEGIN:(.*)$/i.exec(line);
    const end = begin === null ? /^END:(.*)$/i.exec(line) : null;
    if (begin !== null) open.push((begin[1] ?? '').trim().toUpperCase());
    if (end !== null) {
      const kind = (end[1] ?? '').trim().toUpperCase();
      if (!open.includes(kind)) continue;
      while (open.length > 0 && open[open.length - 1] !== kind) out.push(`END:${open.pop() ?? ''}`);
      open.pop();
    }
    out.push(line);
  }
  while (open.length > 0) out.push(`END:${open.pop() ?? ''}`);
  return out;
}
