// Renders a feed's parts as iCalendar: its head with the VTIMEZONE, and each session's VEVENTs,
// which ical-generator writes. Pure: no clock, no database, no process time zone; the same
// sessions, venues and window always give the same bytes.

import {
  BANK_HOLIDAYS,
  WAYS,
  addDays,
  clockChangeClash,
  clockChangeDays,
  describeCost,
  expandRecurrence,
  firstRuleDate,
  formatLongDate,
  fromDayNumber,
  indexOfWeekday,
  isRuleDate,
  lastRuleDate,
  londonSpan,
  nthWeekdayOfMonth,
  occurrenceOn,
  ruleDates,
  splitDate,
  toDayNumber,
  type LocalOccurrence,
  type Session,
  type Venue,
} from '@fiveways/shared';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import type { FeedWindow } from './feed-window.ts';
import {
  formatCalendarHead,
  formatComponents,
  formatLocalDateTime,
  formatUtcDateTime,
  type CalendarHeader,
} from './ics-format.ts';

export const FEED_TIMEZONE = 'Europe/London';
export const FEED_PRODID = '-//Worcester Community Trust//Five Ways Worcester//EN';

const ACCESS_FEATURES = [
  ['stepFree', 'step-free access'],
  ['hearingLoop', 'hearing loop'],
  ['accessibleToilet', 'accessible toilet'],
  ['parking', 'parking'],
  ['babyChange', 'baby change'],
] as const;

const KIND_NAMES: Record<Session['kind'], string> = {
  'drop-in': 'Drop-in',
  group: 'Group',
  course: 'Course',
  clinic: 'Clinic',
  event: 'Event',
};

function wayNames(session: Session): string[] {
  return session.ways.map((slug) => WAYS.find((w) => w.slug === slug)?.name ?? slug);
}

/**
 * Luxon value in London wall time: ical-generator writes it as TZID=Europe/London local time.
 * (A plain Date or string would be written in the process's own zone.)
 */
function londonDateTime(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: FEED_TIMEZONE });
}

function utcDateTime(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

export function sessionUrl(publicUrl: string, session: Session): string {
  return `${publicUrl.replace(/\/+$/, '')}/sessions/${session.id}`;
}

/**
 * True when a venue edit changes the events of sessions held there: a feed shows its name,
 * address, postcode, coordinates and accessibility (not its phone, area or hub flag).
 */
export function venueEditChangesEvents(before: Venue, after: Venue): boolean {
  const shown = (v: Venue) =>
    JSON.stringify([v.name, v.address, v.postcode, v.latitude, v.longitude, v.accessibility]);
  return shown(before) !== shown(after);
}

function locationOf(venue: Venue | undefined, fallbackName: string): string {
  if (venue === undefined) return fallbackName;
  return [venue.name, venue.address, venue.postcode].filter((part) => part !== '').join(', ');
}

function accessibilityOf(venue: Venue | undefined, session: Session): string {
  const parts: string[] = [];
  if (venue !== undefined) {
    const features = ACCESS_FEATURES.filter(([key]) => venue.accessibility[key]).map(
      ([, label]) => label,
    );
    if (features.length > 0) parts.push(`${venue.name} has ${features.join(', ')}.`);
    if (venue.accessibility.notes !== '') parts.push(venue.accessibility.notes);
  }
  if (session.accessibility !== '') parts.push(session.accessibility);
  return parts.join(' ');
}

function contactOf(session: Session): string {
  const { name, phone, email, website } = session.contact;
  return [name, phone, email, website].filter((part) => part !== '').join(', ');
}

/** What a first-timer needs, as plain text (escaped later, with the rest of the line). */
function describeSession(session: Session, venue: Venue | undefined, url: string): string {
  const paragraphs: string[] = [];
  if (session.description !== '') paragraphs.push(session.description);
  if (session.whatToExpect !== '') {
    paragraphs.push(`What to expect: ${session.whatToExpect}`);
  }
  const facts = [`${KIND_NAMES[session.kind]}. Cost: ${withFullStop(describeCost(session.cost))}`];
  const info = session.bookingInfo.trim();
  if (session.booking === 'drop-in') {
    facts.push('Booking: No need to book: just drop in.');
    // Details that only say it again are left out.
    if (info !== '' && !/^(just )?drop[ -]in\b|^no need to book\b/i.test(info)) facts.push(info);
  } else {
    // Details that tell people to book say it themselves.
    facts.push(
      info === ''
        ? 'Booking: Please book before you come.'
        : /^(please )?book\b/i.test(info)
          ? `Booking: ${info}`
          : `Booking: Please book before you come. ${info}`,
    );
  }
  paragraphs.push(facts.join('\n'));
  const access = accessibilityOf(venue, session);
  if (access !== '') paragraphs.push(`Accessibility: ${access}`);
  const contact = contactOf(session);
  if (contact !== '') paragraphs.push(`Contact: ${contact}`);
  paragraphs.push(`More details: ${url}`);
  return paragraphs.join('\n\n');
}

/** Ends a sentence with a full stop unless it already ends with one, "!" or "?". */
function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function recurrenceOf(session: Session) {
  return {
    startDate: session.startDate,
    startTime: session.startTime,
    endTime: session.endTime,
    repeat: session.repeat,
    until: session.until,
    count: session.count,
    skipBankHolidays: session.skipBankHolidays,
    schoolHolidays: session.schoolHolidays,
    exceptions: session.exceptions,
  };
}

const BYDAY: Record<string, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * UNTIL for a rule whose last date is `last`: the last second of that date written as UTC, or
 * earlier when the next day's start time, read as early as any app reads it (BST, an hour before
 * the same digits in UTC), comes first. UNTIL at the exact UTC start of the last occurrence is
 * valid, but apps that compare it with local times read as UTC (Debian 12's
 * recurring_ical_events, rrule.js-based ones) then drop a last date in summer time; and the end
 * of the last local day in UTC drops it for them when it starts after 23:00 BST. This value is
 * on or after the last start however an app reads it, and before any later start.
 */
export function untilOf(last: string, startTime: string): string {
  const nextDay = (toDayNumber(last) + 1) * MS_PER_DAY;
  const startMinutes = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5));
  const nextStart = nextDay + (startMinutes - 60) * MS_PER_MINUTE;
  return formatUtcDateTime(new Date(Math.min(nextDay, nextStart) - 1000));
}

/**
 * RRULE and EXDATE lines for a repeating session whose first rule date is `dtstart`; `before`
 * are dates the rule generates from the master's DTSTART before that (see masterStartOf).
 * A count is written as UNTIL (never both), so it keeps meaning the same thing when the feed only
 * carries part of the series (see untilOf). EXDATEs are the bank holidays the rule skips, in
 * DTSTART's form (TZID, local time); only dates the unskipped rule really generates, up to the
 * window's end.
 */
function ruleLines(
  session: Session,
  dtstart: string,
  window: FeedWindow,
  before: readonly string[],
): string {
  const repeat = session.repeat;
  if (repeat === null) return '';
  const parts: string[] = [];
  if (repeat.every === 'week') {
    parts.push('FREQ=WEEKLY');
    if (repeat.interval > 1) parts.push(`INTERVAL=${repeat.interval}`);
    parts.push(`BYDAY=${repeat.days.map((d) => BYDAY[d] ?? 'MO').join(',')}`, 'WKST=MO');
  } else {
    parts.push('FREQ=MONTHLY', `BYDAY=${repeat.nth}${BYDAY[repeat.weekday] ?? 'MO'}`);
  }
  const recurrence = recurrenceOf(session);
  const last = lastRuleDate(recurrence);
  if (last !== null) parts.push(`UNTIL=${untilOf(last, session.startTime)}`);
  const lines = [`RRULE:${parts.join(';')}`];
  for (const date of before) {
    lines.push(`EXDATE;TZID=${FEED_TIMEZONE}:${formatLocalDateTime(date, session.startTime)}`);
  }
  const end = last ?? window.to;
  const unskipped = { ...recurrence, skipBankHolidays: false, schoolHolidays: [] };
  const skipped = new Set<string>();
  if (session.skipBankHolidays) {
    // Walks the bank holidays, not the rule: a daily rule over centuries costs no more than a week.
    for (const date of BANK_HOLIDAYS) {
      if (date < dtstart || date > end || !isRuleDate(unskipped, date)) continue;
      skipped.add(date);
    }
  }
  // Likewise the school holidays: each costs its own few weeks, whatever the rule's span.
  for (const range of session.schoolHolidays) {
    const from = range.from < dtstart ? dtstart : range.from;
    const to = range.to > end ? end : range.to;
    if (from > to) continue;
    for (const date of ruleDates(unskipped, from, to)) skipped.add(date);
  }
  for (const date of [...skipped].sort()) {
    lines.push(`EXDATE;TZID=${FEED_TIMEZONE}:${formatLocalDateTime(date, session.startTime)}`);
  }
  return lines.join('\n');
}

/**
 * The occurrences of a session that need their own VEVENT in this window: cancelled or moved
 * ones whose original date or actual date falls inside it (a date moved out of the window still
 * needs its override, or the rule would show it at its old time).
 */
export function overridesInWindow(session: Session, window: FeedWindow): LocalOccurrence[] {
  const recurrence = recurrenceOf(session);
  const byDate = new Map<string, LocalOccurrence>();
  for (const o of expandRecurrence(recurrence, window.from, window.to)) {
    if (o.status === 'cancelled' || o.changed) byDate.set(o.date, o);
  }
  for (const ex of session.exceptions) {
    if (byDate.has(ex.date) || ex.date < window.from || ex.date > window.to) continue;
    const moved = occurrenceOn(recurrence, ex.date);
    if (moved !== null) byDate.set(ex.date, moved);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every occurrence of a session that a feed over this window shows, overrides included. */
export function occurrencesInWindow(session: Session, window: FeedWindow): LocalOccurrence[] {
  const byDate = new Map<string, LocalOccurrence>();
  for (const o of expandRecurrence(recurrenceOf(session), window.from, window.to)) {
    byDate.set(o.date, o);
  }
  for (const o of overridesInWindow(session, window)) byDate.set(o.date, o);
  return [...byDate.values()];
}

/** A one-off's only occurrence, wherever and whenever it now happens. */
export function oneOffOccurrence(session: Session): LocalOccurrence | null {
  return occurrenceOn(recurrenceOf(session), session.startDate);
}

/**
 * Which part of a session a feed shows. A feed about a place (venue or area) shows exactly what
 * happens there: `home` is the session's series where it is usually held, with each date moved
 * to a venue in `elsewhere` as a "moved" override (cancelled here, saying where it went); `visits`
 * is only its dates moved to the venues given, each an event of its own with its own UID. Every
 * other feed shows the `whole` series, moved dates as overrides at their new place.
 */
export type SessionPart =
  | { kind: 'whole' }
  | { kind: 'home'; elsewhere: ReadonlySet<string> }
  | { kind: 'visits'; venues: ReadonlySet<string> };

export const WHOLE: SessionPart = { kind: 'whole' };

/** A name for a part, the same for equal parts: rendered blocks are kept by it. */
export function partKey(part: SessionPart): string {
  if (part.kind === 'whole') return 'whole';
  const venues = part.kind === 'home' ? part.elsewhere : part.venues;
  return `${part.kind}:${[...venues].sort().join(',')}`;
}

/**
 * The UID of a date moved to another venue, as an event of its own in that venue's feeds:
 * the session's UID with the original date added, so it stays the same when the move changes.
 */
export function visitUid(sessionUid: string, date: string): string {
  const suffix = `-on-${date.replaceAll('-', '')}`;
  const at = sessionUid.lastIndexOf('@');
  return at < 0
    ? `${sessionUid}${suffix}`
    : `${sessionUid.slice(0, at)}${suffix}${sessionUid.slice(at)}`;
}

function cancelledSummary(title: string): string {
  return `Cancelled: ${title}`;
}

function movedSummary(title: string): string {
  return `Moved: ${title}`;
}

/**
 * An event to write, and the lines written in place of ical-generator's: ical-generator (through
 * Luxon) moves a local time in the March gap forward, and writes every time with the event's
 * TZID, so times in the clock-change hour are written here.
 */
interface EventToWrite {
  data: ICalEventData;
  lines: Map<string, string>;
}

/**
 * An event's start and end. Times that meet the clock-change hour (see london-time.ts) are
 * written as UTC instants, which every app reads alike; calendar apps read those local times in
 * different ways (ical.js moves a March gap time back an hour, node-ical and Python's icalendar
 * read an October time as the second one).
 */
function timesOf(date: string, startTime: string, endTime: string) {
  const times = { start: londonDateTime(date, startTime), end: londonDateTime(date, endTime) };
  const lines = new Map<string, string>();
  if (clockChangeClash(date, startTime, endTime) !== null) {
    const span = londonSpan(date, startTime, endTime);
    lines.set('DTSTART', `DTSTART:${formatUtcDateTime(new Date(span.startMs))}`);
    lines.set('DTEND', `DTEND:${formatUtcDateTime(new Date(span.endMs))}`);
  }
  return { times, lines };
}

/** RECURRENCE-ID as the rule's own local time, which may be one the clocks skip. */
function recurrenceIdLine(date: string, time: string): string {
  return `RECURRENCE-ID;TZID=${FEED_TIMEZONE}:${formatLocalDateTime(date, time)}`;
}

/**
 * The master's DTSTART: the first rule date, unless the session's times on it meet the
 * clock-change hour. Apps then read the rule's time of day from how they resolve that local time
 * (node-ical repeats 01:30 in the March gap as 02:30 every week), so the rule starts one period
 * earlier, on an ordinary day, and that date and any before the first are EXDATEs.
 */
function masterStartOf(session: Session, first: string): { date: string; excluded: string[] } {
  const repeat = session.repeat;
  if (repeat === null || clockChangeClash(first, session.startTime, session.endTime) === null) {
    return { date: first, excluded: [] };
  }
  let date: string;
  if (repeat.every === 'week') {
    date = addDays(first, -7 * repeat.interval);
  } else {
    const { year, month } = splitDate(first);
    const before = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
    date = fromDayNumber(
      nthWeekdayOfMonth(before.year, before.month, indexOfWeekday(repeat.weekday), repeat.nth),
    );
  }
  const earlier = {
    ...recurrenceOf(session),
    startDate: date,
    until: null,
    count: null,
    skipBankHolidays: false,
  };
  return { date, excluded: ruleDates(earlier, date, addDays(first, -1)) };
}

/** Dates in the window on which the clocks change and the session's rule puts it in that hour. */
function clockChangeRuleDates(session: Session, window: FeedWindow): string[] {
  const out: string[] = [];
  const recurrence = recurrenceOf(session);
  const first = Number(window.from.slice(0, 4));
  const last = Number(window.to.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const { spring, autumn } = clockChangeDays(year);
    for (const date of [fromDayNumber(spring), fromDayNumber(autumn)]) {
      if (date < window.from || date > window.to) continue;
      if (clockChangeClash(date, session.startTime, session.endTime) === null) continue;
      if (isRuleDate(recurrence, date)) out.push(date);
    }
  }
  return out;
}

function eventsOf(
  session: Session,
  venues: ReadonlyMap<string, Venue>,
  publicUrl: string,
  window: FeedWindow,
  part: SessionPart,
): EventToWrite[] {
  const url = sessionUrl(publicUrl, session);
  const venue = venues.get(session.venue.slug);
  const stamp = utcDateTime(session.updatedAt);
  const common = {
    id: session.uid,
    sequence: session.sequence,
    stamp,
    lastModified: stamp,
    timezone: FEED_TIMEZONE,
    url,
    categories: wayNames(session).map((name) => ({ name })),
  };
  const description = describeSession(session, venue, url);
  const place = (v: Venue | undefined) => {
    const title = locationOf(v, session.venue.name);
    return v?.latitude != null && v.longitude != null
      ? { title, geo: { lat: v.latitude, lon: v.longitude } }
      : { title };
  };
  const venueOf = (o: LocalOccurrence) => (o.venueSlug !== null ? venues.get(o.venueSlug) : venue);

  if (session.repeat === null) {
    // A one-off is its own single occurrence: a cancellation or change rewrites the event itself,
    // wherever and whenever it moved.
    const o = oneOffOccurrence(session);
    if (o === null) return [];
    const cancelled = o.status === 'cancelled';
    const v = venueOf(o);
    const { times, lines } = timesOf(o.startDate, o.startTime, o.endTime);
    const note = cancelled
      ? `${reasonLine(o.reason)}\n\n`
      : o.changed
        ? `${changeLine(o, v, session)}\n\n`
        : '';
    return [
      {
        data: {
          ...common,
          ...times,
          summary: cancelled ? cancelledSummary(session.title) : session.title,
          description: `${note}${describeSession(session, v, url)}`,
          location: place(v),
          status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        },
        lines,
      },
    ];
  }

  const recurrence = recurrenceOf(session);
  const dtstart = firstRuleDate(recurrence);
  if (dtstart === null) return [];
  const overrides = overridesInWindow(session, window);

  if (part.kind === 'visits') {
    // Only the dates moved here, each an event of its own: the series belongs to another place.
    const events: EventToWrite[] = [];
    for (const o of overrides) {
      if (o.status !== 'scheduled' || o.venueSlug === null || !part.venues.has(o.venueSlug)) {
        continue;
      }
      if (o.startDate < window.from || o.startDate > window.to) continue;
      const v = venueOf(o);
      const { times, lines } = timesOf(o.startDate, o.startTime, o.endTime);
      events.push({
        data: {
          ...common,
          id: visitUid(session.uid, o.date),
          ...times,
          summary: session.title,
          description: `${changeLine(o, v, session)}\n\n${describeSession(session, v, url)}`,
          location: place(v),
          status: ICalEventStatus.CONFIRMED,
        },
        lines,
      });
    }
    return events;
  }

  const masterStart = masterStartOf(session, dtstart);
  const events: EventToWrite[] = [
    {
      data: {
        ...common,
        start: londonDateTime(masterStart.date, session.startTime),
        end: londonDateTime(masterStart.date, session.endTime),
        repeating: ruleLines(session, dtstart, window, masterStart.excluded),
        summary: session.title,
        description,
        location: place(venue),
        status: ICalEventStatus.CONFIRMED,
      },
      lines: new Map(),
    },
  ];
  const overridden = new Set(overrides.map((o) => o.date));
  for (const o of overrides) {
    const recurrenceId = londonDateTime(o.date, session.startTime);
    const idLine = recurrenceIdLine(o.date, session.startTime);
    if (o.status === 'cancelled') {
      // A cancelled date is an override (same UID, RECURRENCE-ID, STATUS:CANCELLED), not an
      // EXDATE: Google and Apple keep it in view, struck through or titled "Cancelled:", and the
      // reason reaches the people who would otherwise have turned up; an EXDATE just vanishes.
      const { times, lines } = timesOf(o.startDate, o.startTime, o.endTime);
      lines.set('RECURRENCE-ID', idLine);
      events.push({
        data: {
          ...common,
          recurrenceId,
          ...times,
          summary: cancelledSummary(session.title),
          description: `${reasonLine(o.reason)}\n\n${description}`,
          location: place(venue),
          status: ICalEventStatus.CANCELLED,
        },
        lines,
      });
      continue;
    }
    const v = venueOf(o);
    if (part.kind === 'home' && o.venueSlug !== null && part.elsewhere.has(o.venueSlug)) {
      // Moved to a place this feed is not about: cancelled here, at its usual time, saying where
      // it went, so a regular does not turn up at the usual place. The place's own feeds show it.
      const { times, lines } = timesOf(o.date, session.startTime, session.endTime);
      lines.set('RECURRENCE-ID', idLine);
      events.push({
        data: {
          ...common,
          recurrenceId,
          ...times,
          summary: movedSummary(session.title),
          description: `${movedAwayLine(o, v)}\n\n${describeSession(session, v, url)}`,
          location: place(v),
          status: ICalEventStatus.CANCELLED,
        },
        lines,
      });
      continue;
    }
    const { times, lines } = timesOf(o.startDate, o.startTime, o.endTime);
    lines.set('RECURRENCE-ID', idLine);
    events.push({
      data: {
        ...common,
        recurrenceId,
        ...times,
        summary: session.title,
        description: `${changeLine(o, v, session)}\n\n${describeSession(session, v, url)}`,
        location: place(v),
        status: ICalEventStatus.CONFIRMED,
      },
      lines,
    });
  }
  // Dates the rule puts in the clock-change hour get an override with their times as UTC
  // instants: apps expand such a rule date in different ways (see timesOf).
  for (const date of clockChangeRuleDates(session, window)) {
    if (overridden.has(date)) continue;
    const { times, lines } = timesOf(date, session.startTime, session.endTime);
    lines.set('RECURRENCE-ID', recurrenceIdLine(date, session.startTime));
    events.push({
      data: {
        ...common,
        recurrenceId: londonDateTime(date, session.startTime),
        ...times,
        summary: session.title,
        description,
        location: place(venue),
        status: ICalEventStatus.CONFIRMED,
      },
      lines,
    });
  }
  return events;
}

function reasonLine(reason: string | null): string {
  return reason === null || reason === ''
    ? 'This date is cancelled.'
    : `This date is cancelled: ${reason}`;
}

function movedAwayLine(o: LocalOccurrence, v: Venue | undefined): string {
  const reason = o.reason === null || o.reason === '' ? '' : ` ${o.reason}`;
  return `This date has moved to ${v?.name ?? o.venueSlug ?? ''}: ${formatLongDate(o.startDate)}, ${o.startTime} to ${o.endTime}.${reason}`;
}

function changeLine(o: LocalOccurrence, v: Venue | undefined, session: Session): string {
  const when =
    o.startDate === o.date
      ? `Changed for this date: ${o.startTime} to ${o.endTime}`
      : `Moved from ${formatLongDate(o.date)} to ${formatLongDate(o.startDate)}, ${o.startTime} to ${o.endTime}`;
  const parts = [when];
  if (o.venueSlug !== null && o.venueSlug !== session.venue.slug) {
    parts.push(`at ${v?.name ?? o.venueSlug} instead of ${session.venue.name}`);
  }
  return `${parts.join(' ')}.${o.reason === null || o.reason === '' ? '' : ` ${o.reason}`}`;
}

/** True when the session has anything to show in the window (an occurrence or an override). */
export function isInWindow(session: Session, window: FeedWindow): boolean {
  return occurrencesInWindow(session, window).length > 0;
}

let sessionRenders = 0;

/** How many times a session's events have been rendered in this process (for tests and benchmarks). */
export function sessionRenderCount(): number {
  return sessionRenders;
}

/** ical-generator's lines for one event, with the lines named in `lines` written in their place. */
function writtenEvent(text: string, lines: ReadonlyMap<string, string>): string {
  if (lines.size === 0) return text;
  return text.replace(/^([A-Z-]+)[;:].*$/gm, (line, name: string) => lines.get(name) ?? line);
}

/**
 * One session's VEVENTs (master and overrides, or the one-off, or a place's visits), formatted as
 * they appear inside a feed: a feed is its head, the VTIMEZONE, these blocks in session id order,
 * and its tail, so a block can be rendered once and joined into every feed that holds that part.
 */
export function renderSessionEvents(
  session: Session,
  venues: ReadonlyMap<string, Venue>,
  publicUrl: string,
  window: FeedWindow,
  part: SessionPart = WHOLE,
): string {
  sessionRenders += 1;
  const calendar = ical({ prodId: FEED_PRODID });
  // Events are serialised one by one, unfolded, and formatComponents folds them: the calendar's
  // own toString would write a whole calendar and fold it again a character at a time.
  return eventsOf(session, venues, publicUrl, window, part)
    .map(({ data, lines }) =>
      formatComponents(writtenEvent(calendar.createEvent(data).toString(), lines)),
    )
    .join('');
}

/** The calendar's opening lines, properties and VTIMEZONE, as the bytes to serve. */
export function renderCalendarHead(header: Omit<CalendarHeader, 'prodId'>): string {
  return formatCalendarHead({ ...header, prodId: FEED_PRODID }) + VTIMEZONE;
}

const VTIMEZONE = formatComponents(getVtimezoneComponent(FEED_TIMEZONE) ?? '');
