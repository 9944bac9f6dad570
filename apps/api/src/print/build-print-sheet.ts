// What a poster, flyer or "this week at this hub" sheet says: pure, from the sessions, the venues
// and the clock. The PDF (render-print-pdf.ts) and the staff area's print view draw the same words.
import {
  addDays,
  buildOccurrences,
  dropEnded,
  londonDateOf,
  monthName,
  shortLinkUrlOf,
  splitDate,
  wallDateOf,
  wallTimeOf,
  WAY_COLOURS,
  WAY_SLUGS,
  WEEKDAYS,
  weekdayName,
  weekdayOf,
  writtenShortLink,
  type CodedSource,
  type Occurrence,
  type OccurrenceFilter,
  type PrintItem,
  type PrintKind,
  type PrintSection,
  type PrintSheet,
  type PrintSize,
  type Session,
  type ShortLinkTarget,
  type Venue,
  type WaySlug,
} from '@fiveways/shared';

export const SERVICE_NAME = 'Five Ways Worcester';

/** The colour of a print that is about no one way: a dark slate, 13:1 against white. */
export const NEUTRAL_COLOUR = '#22303c';

/** Posters list the next four weeks; the week sheet the next seven days. */
const POSTER_DAYS = 28;
const WEEK_DAYS = 7;

/** How many lines of "what's on" each paper has room for at its type sizes. */
const ROOM: Record<PrintSheet['format'], Record<PrintSize, number>> = {
  poster: { a3: 10, a4: 8, a5: 5 },
  flyer: { a3: 10, a4: 8, a5: 5 },
  sheet: { a3: 30, a4: 20, a5: 12 },
};

/** Dates shown for one session on a poster before "and more". */
const MAX_DATES = 4;

/** What the print is about, as the route found it. */
export interface PrintSubject {
  title: string;
  subtitle: string;
  /** The ways it belongs to (a way, a group's); empty for a venue, an area or a week. */
  ways: readonly WaySlug[];
}

export interface PrintSheetInput {
  kind: PrintKind;
  key: string;
  size: PrintSize;
  subject: PrintSubject;
  sessions: readonly Session[];
  venues: readonly Pick<Venue, 'slug' | 'name' | 'areaSlug'>[];
  now: Date;
  publicUrl: string;
  sampleData: boolean;
}

/** The short address a print carries, by what it is about. */
export function printTarget(kind: PrintKind, key: string): ShortLinkTarget {
  switch (kind) {
    case 'ways':
      return { kind: 'way', key };
    case 'venues':
    case 'week':
      return { kind: 'venue', key };
    case 'areas':
      return { kind: 'area', key };
    case 'groups':
      return { kind: 'group', key };
  }
}

function formatOf(kind: PrintKind, size: PrintSize): PrintSheet['format'] {
  if (kind === 'week') return 'sheet';
  return size === 'a5' ? 'flyer' : 'poster';
}

const SOURCE_OF: Record<PrintSheet['format'], CodedSource> = {
  poster: 'poster',
  flyer: 'flyer',
  sheet: 'sheet',
};

function filterOf(kind: PrintKind, key: string): Omit<OccurrenceFilter, 'from' | 'to'> {
  switch (kind) {
    case 'ways':
      return { way: WAY_SLUGS.find((w) => w === key) ?? 'connect' };
    case 'venues':
    case 'week':
      return { venue: key };
    case 'areas':
      return { area: key };
    case 'groups':
      return { group: key };
  }
}

/** '24 Nov'. */
function dayMonth(date: string): string {
  const { month, day } = splitDate(date);
  return `${day} ${monthName(month).slice(0, 3)}`;
}

/** 'Wednesday 2 December'. */
export function longDayMonth(date: string): string {
  const { month, day } = splitDate(date);
  return `${weekdayName(weekdayOf(date))} ${day} ${monthName(month)}`;
}

/** '2 to 8 December', '30 November to 6 December'. */
function spanOf(from: string, to: string): string {
  const a = splitDate(from);
  const b = splitDate(to);
  return a.month === b.month
    ? `${a.day} to ${b.day} ${monthName(b.month)}`
    : `${a.day} ${monthName(a.month)} to ${b.day} ${monthName(b.month)}`;
}

function timesOf(o: Occurrence): string {
  return `${wallTimeOf(o.start)}–${wallTimeOf(o.end)}`;
}

/** 'a', 'a and b', 'a, b and c'. */
function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** '24 Nov, 1, 8, 15 Dec': the month written once after its last day. */
function listDates(dates: readonly string[]): string {
  return dates
    .map((d, i) => {
      const next = dates[i + 1];
      return next !== undefined && splitDate(next).month === splitDate(d).month
        ? String(splitDate(d).day)
        : dayMonth(d);
    })
    .join(', ');
}

/**
 * A session's dates in the window, said shortly: 'Tuesdays 24 Nov, 1, 8, 15 Dec' on one weekday,
 * 'Mondays and Thursdays from 23 Nov' on several, 'Mon 23 Nov, Wed 25 Nov' for one-offs.
 */
export function describeDates(dates: readonly string[]): string {
  const first = dates[0];
  if (first === undefined) return '';
  const weekdays = WEEKDAYS.filter((w) => dates.some((d) => weekdayOf(d) === w));
  const tail = dates.length > MAX_DATES ? ' and more' : '';
  if (weekdays.length === 1) {
    const day = weekdayName(weekdayOf(first));
    if (dates.length === 1) return `${day} ${dayMonth(first)}`;
    return `${day}s ${listDates(dates.slice(0, MAX_DATES))}${tail}`;
  }
  if (dates.length > weekdays.length) {
    return `${joinAnd(weekdays.map((w) => `${weekdayName(w)}s`))} from ${dayMonth(first)}`;
  }
  const shown = dates.slice(0, MAX_DATES);
  return `${shown.map((d) => `${weekdayName(weekdayOf(d)).slice(0, 3)} ${dayMonth(d)}`).join(', ')}${tail}`;
}

/** A poster's lines: one per session, place and time, with its dates, by first date. */
function posterItems(list: readonly Occurrence[], showPlace: boolean): PrintItem[] {
  const byLine = new Map<string, { first: Occurrence; dates: string[] }>();
  for (const o of list) {
    const line = `${o.sessionId}|${o.venue.slug}|${timesOf(o)}`;
    const found = byLine.get(line);
    if (found === undefined) byLine.set(line, { first: o, dates: [wallDateOf(o.start)] });
    else found.dates.push(wallDateOf(o.start));
  }
  return [...byLine.values()].map(({ first, dates }) => ({
    title: first.title,
    when: `${describeDates(dates)} · ${timesOf(first)}`,
    place: showPlace ? first.venue.name : '',
  }));
}

/** The ways the listed sessions belong to, in the fixed order. */
function waysIn(list: readonly Occurrence[]): WaySlug[] {
  const seen = new Set(list.flatMap((o) => o.ways));
  return WAY_SLUGS.filter((w) => seen.has(w));
}

export function buildPrintSheet(input: PrintSheetInput): PrintSheet {
  const { kind, key, size, subject, now } = input;
  const format = formatOf(kind, size);
  const today = londonDateOf(now);
  const to = addDays(today, (kind === 'week' ? WEEK_DAYS : POSTER_DAYS) - 1);
  // Cancelled ones are left off paper (it cannot change later), and so are any that have ended.
  const listed = dropEnded(
    buildOccurrences(input.sessions, input.venues, { ...filterOf(kind, key), from: today, to }),
    now.getTime(),
  ).filter((o) => o.status === 'scheduled');
  const aboutOneVenue = kind === 'venues' || kind === 'week';
  const room = ROOM[format][size];

  let sections: PrintSection[];
  let more: number;
  if (kind === 'week') {
    // Day by day; a moved session says where it moved to.
    const days = new Map<string, PrintItem[]>();
    for (const o of listed) {
      const day = wallDateOf(o.start);
      const items = days.get(day) ?? [];
      items.push({
        title: o.title,
        when: timesOf(o),
        place: o.venue.slug === key ? '' : o.venue.name,
      });
      days.set(day, items);
    }
    sections = [];
    let left = room;
    for (const [day, items] of days) {
      if (left <= 0) break;
      sections.push({ heading: longDayMonth(day), items: items.slice(0, left) });
      left -= items.length;
    }
    more = Math.max(0, listed.length - room);
  } else {
    const items = posterItems(listed, !aboutOneVenue);
    sections = [{ heading: `What’s on, ${spanOf(today, to)}`, items: items.slice(0, room) }];
    more = Math.max(0, items.length - room);
  }

  const firstWay = subject.ways[0];
  const ways = subject.ways.length > 0 ? [...subject.ways] : waysIn(listed);
  const shortUrl = shortLinkUrlOf(input.publicUrl, printTarget(kind, key), SOURCE_OF[format]);
  const empty =
    listed.length > 0
      ? null
      : kind === 'week'
        ? `Nothing is planned at ${subject.title.replace(/^This week at /, '')} this week. Scan the code to see the weeks ahead, or ask at the hub.`
        : `Nothing is planned for the next four weeks yet. Scan the code to follow ${subject.title}: new sessions appear in your phone’s calendar as soon as they are added.`;
  return {
    kind,
    key,
    size,
    format,
    serviceName: SERVICE_NAME,
    title: subject.title,
    subtitle: kind === 'week' ? spanOf(today, to) : subject.subtitle,
    ways,
    colour: firstWay === undefined ? NEUTRAL_COLOUR : WAY_COLOURS[firstWay],
    from: today,
    to,
    sections: listed.length > 0 ? sections : [],
    more,
    empty,
    shortUrl,
    writtenUrl: writtenShortLink(shortUrl),
    callToAction:
      'Scan the code with your phone’s camera to see every session and add them to your calendar, or type the address:',
    sampleData: input.sampleData,
    sampleDataText:
      'Sample data: these sessions are examples for trying the service, not real events.',
  };
}
