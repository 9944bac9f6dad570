// Turns a group's iCalendar feed into a plan of sessions: each event's repeat rule becomes one of
// ours (weekly, or monthly on the nth weekday) when it gives exactly the same dates and times,
// checked by expanding both; EXDATEs and cancelled dates become cancellations and changed dates
// become changes; what our rules cannot say is added as one-offs for the window and reported; and
// what cannot be published at all is skipped with a reason staff can act on. Never throws.

import {
  MAX_RULE_YEARS,
  addDays,
  ruleDates,
  toDayNumber,
  weekdayOf,
  type Audience,
  type OccurrenceException,
  type Recurrence,
  type Repeat,
  type WaySlug,
  type Weekday,
} from '@fiveways/shared';
import ICAL from 'ical.js';
import { cleanDescription, cleanTitle, cleanUrl } from './ics-text.ts';
import { readCalendar } from './ics-read.ts';
import {
  LONDON,
  UTC,
  instantOf,
  isRealWall,
  londonMomentOf,
  resolveZone,
  wallOf,
  type LondonMoment,
  type Wall,
  type Zone,
} from './ics-zones.ts';
import { matchVenue } from './match-venue.ts';

export interface ImportDefaults {
  venue: string;
  ways: WaySlug[];
  audiences: Audience[];
}

export interface KnownVenue {
  slug: string;
  name: string;
  postcode: string;
}

export interface PlannedSession {
  /** Stable: the event's UID, or UID + '|' + date for a piece expanded into one-offs. */
  sourceKey: string;
  title: string;
  description: string;
  url: string;
  /** A known venue's slug (matched from LOCATION) or the default. */
  venue: string;
  /** Europe/London local. */
  startDate: string;
  startTime: string;
  endTime: string;
  repeat: Repeat | null;
  until: string | null;
  count: number | null;
  /** EXDATE / STATUS:CANCELLED overrides → cancelled; RECURRENCE-ID overrides → changed. */
  exceptions: OccurrenceException[];
  /** The UID when this one-off was expanded from what our rules cannot express. */
  expandedFrom: string | null;
}

/** An event left out, and why, in plain English. */
export interface SkippedEvent {
  uid: string;
  title: string;
  reason: string;
}

/** An event added as one-offs for the window, why, and how many. */
export interface ExpandedEvent {
  uid: string;
  title: string;
  reason: string;
  oneOffs: number;
}

export interface ImportPlan {
  sessions: PlannedSession[];
  skipped: SkippedEvent[];
  expanded: ExpandedEvent[];
  /** UIDs whose whole series is STATUS:CANCELLED. */
  cancelledSeries: string[];
  /** The calendar's own name (X-WR-CALNAME), when it gives one. */
  calendarName?: string | null;
  /** Set when the feed held more events than maxEvents: how many it held, how many were read. */
  capped?: { found: number; read: number } | null;
}

export interface PlanImportOptions {
  defaults: ImportDefaults;
  venues: readonly KnownVenue[];
  /** London local date: nothing that ended before it is planned. */
  today: string;
  /** One-offs expanded from rules we cannot express are planned for [today, today + windowDays]. */
  windowDays: number;
  maxEvents: number;
  /** The most one-offs expanded in all (rules we cannot express, RDATEs); 5000 when not given. */
  maxOneOffs?: number;
}

const DEFAULT_MAX_ONE_OFFS = 5000;

/** The reasons an event is skipped, word for word (staff read them in the import report). */
export const SKIP_REASONS = {
  noTitle: 'no title',
  noStart: 'no start time',
  noEnd: 'no end time',
  allDay: 'all-day events have no times to publish',
  everySecond: 'every second is not a rule we publish',
  everyMinute: 'every minute is not a rule we publish',
  everyHour: 'every hour is not a rule we publish',
  outside: 'outside Worcester',
  ended: 'already ended',
  badDate: 'a date or time in it cannot be read',
  badRule: 'its repeat rule cannot be read',
  twoRules: 'it has more than one repeat rule, which we cannot follow',
  endsBeforeStart: 'it ends before it starts',
  noLength: 'it ends as soon as it starts',
  tooLong: 'it lasts more than a week, which is not a session',
  tooOften: 'it repeats too many times to read',
  unreadable: 'it could not be read',
  duplicate: 'another event in the calendar has the same UID',
  cancelledDate: 'a cancelled date of an event that is not in the calendar',
} as const;

/** A time zone the feed names but nobody knows. */
export function unknownZoneReason(tzid: string): string {
  return `its time zone "${tzid}" is not one we know`;
}

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 2000;
const URL_MAX = 300;
const MAX_COUNT = 500;
/** The most exceptions kept per session (the latest): years of weekly EXDATEs fit. */
const MAX_EXCEPTIONS = 1000;
/** Events longer than this are not sessions (a month-long exhibition, a term). */
const MAX_EVENT_MS = 7 * 86_400_000;
/** The most rule instances read per event: weekly for 40 years, daily for 27. */
const MAX_INSTANCES = 10_000;
/** How far past the window a rule is checked, so a zone that changes its clocks on other days shows. */
const CHECK_BEYOND_DAYS = 366;

const WEEKDAYS_BY_ICAL: Record<string, Weekday> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
const WEEKDAY_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A moment as a property gives it: its wall reading, zone and whether it is a whole day. */
interface TimeValue {
  wall: Wall;
  zone: Zone;
  isDate: boolean;
}

class SkipError extends Error {}

function skip(reason: string): never {
  throw new SkipError(reason);
}

/** The zone of an ical.js time from its property's TZID (UTC for 'Z'; floating reads as London). */
function zoneOfValue(
  t: ICAL.Time,
  tzid: string | null,
  zones: ReadonlyMap<string, ICAL.Timezone>,
): Zone {
  if (t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC') return UTC;
  if (tzid === null || tzid === '') return LONDON;
  const zone = resolveZone(tzid, zones);
  return zone ?? skip(unknownZoneReason(tzid));
}

function tzidOf(property: ICAL.Property): string | null {
  const tzid: unknown = property.getParameter('tzid');
  if (typeof tzid === 'string') return tzid;
  if (Array.isArray(tzid) && typeof tzid[0] === 'string') return tzid[0];
  return null;
}

const RAW_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z?)?$/;

/** True when every date in a property's values, as written, is a real one (ical.js would roll 30 February over into March). */
function hasRealDates(property: ICAL.Property): boolean {
  const raw: unknown[] = property.jCal.slice(3).flat();
  for (const value of raw) {
    if (typeof value !== 'string' || /^[+-]?P/.test(value)) continue;
    const m = RAW_DATE.exec(value);
    if (m === null) return false;
    const wall = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
    };
    if (!isRealWall(wall)) return false;
  }
  return true;
}

/** A date property's values, or a skip when any is not a real date as written. */
function datesOf(property: ICAL.Property): unknown[] {
  if (!hasRealDates(property)) skip(SKIP_REASONS.badDate);
  try {
    return property.getValues();
  } catch {
    return skip(SKIP_REASONS.badDate);
  }
}

function firstDateOf(property: ICAL.Property): unknown {
  return datesOf(property)[0];
}

function timeValueOf(
  property: ICAL.Property,
  value: unknown,
  zones: ReadonlyMap<string, ICAL.Timezone>,
): TimeValue {
  if (!(value instanceof ICAL.Time) || !hasRealDates(property)) skip(SKIP_REASONS.badDate);
  return {
    wall: wallOf(value),
    zone: value.isDate ? LONDON : zoneOfValue(value, tzidOf(property), zones),
    isDate: value.isDate,
  };
}

function momentOf(v: TimeValue): LondonMoment {
  const ms = instantOf(v.isDate ? { ...v.wall, hour: 0, minute: 0, second: 0 } : v.wall, v.zone);
  return ms === null ? skip(SKIP_REASONS.badDate) : londonMomentOf(ms);
}

function dateOfWall(w: Wall): string {
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function textOf(event: ICAL.Component, name: string): string {
  const value: unknown = event.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

/** One instance of an event: its identity (start instant by the rule) and when it happens. */
interface Instance {
  /** Start instant the rule gives it (what RECURRENCE-ID and EXDATE name). */
  idMs: number;
  start: LondonMoment;
  end: LondonMoment;
}

/** An override of one instance (an event with RECURRENCE-ID). */
interface Override {
  idMs: number;
  idDate: string;
  idIsDate: boolean;
  cancelled: boolean;
  start: LondonMoment;
  end: LondonMoment;
  location: string;
}

/** What one master event says, read and checked. */
interface EventFacts {
  uid: string;
  title: string;
  description: string;
  url: string;
  location: string;
  venue: string;
  dtstart: TimeValue;
  start: LondonMoment;
  durationMs: number;
  rule: ICAL.Recur | null;
  exdates: TimeValue[];
  rdates: { start: LondonMoment; end: LondonMoment }[];
}

interface Context {
  options: PlanImportOptions;
  /** Every sourceKey planned so far. */
  keys: Set<string>;
  /** How many more one-offs may be expanded. */
  oneOffsLeft: number;
  expandedBy: Map<string, ExpandedEvent>;
  zones: ReadonlyMap<string, ICAL.Timezone>;
  windowEnd: string;
  plan: ImportPlan;
}

function durationOf(
  event: ICAL.Component,
  dtstart: TimeValue,
  start: LondonMoment,
  zones: Context['zones'],
): number {
  const dtend = event.getFirstProperty('dtend');
  if (dtend !== null) {
    const end = momentOf(timeValueOf(dtend, firstDateOf(dtend), zones));
    return end.ms - start.ms;
  }
  const duration: unknown = event.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) return duration.toSeconds() * 1000;
  if (dtstart.isDate) return 86_400_000;
  return skip(SKIP_REASONS.noEnd);
}

function factsOf(event: ICAL.Component, uid: string, ctx: Context): EventFacts {
  const title = cleanTitle(textOf(event, 'summary'), TITLE_MAX);
  if (title === '') skip(SKIP_REASONS.noTitle);
  const dtstartProperty = event.getFirstProperty('dtstart');
  if (dtstartProperty === null) skip(SKIP_REASONS.noStart);
  const dtstart = timeValueOf(dtstartProperty, firstDateOf(dtstartProperty), ctx.zones);
  if (dtstart.isDate) skip(SKIP_REASONS.allDay);
  const start = momentOf(dtstart);
  const durationMs = durationOf(event, dtstart, start, ctx.zones);
  if (durationMs < 0) skip(SKIP_REASONS.endsBeforeStart);
  if (durationMs < 60_000) skip(SKIP_REASONS.noLength);
  if (durationMs > MAX_EVENT_MS) skip(SKIP_REASONS.tooLong);
  const location = cleanTitle(textOf(event, 'location'), 500);
  const match = matchVenue(location, ctx.options.venues);
  if (match.kind === 'outside') skip(SKIP_REASONS.outside);
  const rules = event.getAllProperties('rrule');
  if (rules.length > 1) skip(SKIP_REASONS.twoRules);
  let ruleValue: unknown;
  try {
    ruleValue = rules[0]?.getFirstValue() ?? null;
  } catch {
    return skip(SKIP_REASONS.badRule);
  }
  if (ruleValue !== null && !(ruleValue instanceof ICAL.Recur)) skip(SKIP_REASONS.badRule);
  const rule = ruleValue;
  if (rule !== null) {
    if (rule.freq === 'SECONDLY') skip(SKIP_REASONS.everySecond);
    if (rule.freq === 'MINUTELY') skip(SKIP_REASONS.everyMinute);
    if (rule.freq === 'HOURLY') skip(SKIP_REASONS.everyHour);
    if (!Number.isInteger(rule.interval) || rule.interval < 1) skip(SKIP_REASONS.badRule);
  }
  const exdates: TimeValue[] = [];
  for (const p of event.getAllProperties('exdate')) {
    for (const v of datesOf(p)) exdates.push(timeValueOf(p, v, ctx.zones));
  }
  const rdates: EventFacts['rdates'] = [];
  for (const p of event.getAllProperties('rdate')) {
    for (const v of datesOf(p)) {
      if (v instanceof ICAL.Period) {
        const from = momentOf(timeValueOf(p, v.start, ctx.zones));
        const length =
          v.end !== null && v.end !== undefined
            ? momentOf(timeValueOf(p, v.end, ctx.zones)).ms - from.ms
            : (v.duration?.toSeconds() ?? durationMs / 1000) * 1000;
        const to = endMoment(from, length);
        rdates.push({ start: from, end: to });
        continue;
      }
      const tv = timeValueOf(p, v, ctx.zones);
      // A whole-day RDATE on a timed event: that day at the event's own time.
      const at = tv.isDate
        ? {
            ...tv,
            wall: {
              ...tv.wall,
              hour: dtstart.wall.hour,
              minute: dtstart.wall.minute,
              second: dtstart.wall.second,
            },
            zone: dtstart.zone,
            isDate: false,
          }
        : tv;
      const from = momentOf(at);
      rdates.push({ start: from, end: endMoment(from, durationMs) });
    }
  }
  return {
    uid,
    title,
    description: cleanDescription(textOf(event, 'description'), DESCRIPTION_MAX),
    url: cleanUrl(textOf(event, 'url'), URL_MAX),
    location,
    venue: match.kind === 'venue' ? match.slug : ctx.options.defaults.venue,
    dtstart,
    start,
    durationMs,
    rule,
    exdates,
    rdates,
  };
}

function overrideOf(event: ICAL.Component, durationMs: number | null, ctx: Context): Override {
  const idProperty = event.getFirstProperty('recurrence-id');
  if (idProperty === null) skip(SKIP_REASONS.badDate);
  const id = timeValueOf(idProperty, firstDateOf(idProperty), ctx.zones);
  const idMoment = momentOf(id);
  const cancelled = textOf(event, 'status').toUpperCase() === 'CANCELLED';
  const startProperty = event.getFirstProperty('dtstart');
  const start =
    startProperty === null
      ? idMoment
      : momentOf(timeValueOf(startProperty, firstDateOf(startProperty), ctx.zones));
  let endMs: number;
  const dtend = event.getFirstProperty('dtend');
  const duration: unknown = event.getFirstPropertyValue('duration');
  if (dtend !== null) endMs = momentOf(timeValueOf(dtend, firstDateOf(dtend), ctx.zones)).ms;
  else if (duration instanceof ICAL.Duration) endMs = start.ms + duration.toSeconds() * 1000;
  else if (durationMs !== null) endMs = start.ms + durationMs;
  else return skip(SKIP_REASONS.noEnd);
  if (endMs <= start.ms) skip(SKIP_REASONS.endsBeforeStart);
  return {
    idMs: idMoment.ms,
    idDate: id.isDate ? dateOfWall(id.wall) : idMoment.date,
    idIsDate: id.isDate,
    cancelled,
    start,
    end: endMoment(start, endMs - start.ms),
    location: cleanTitle(textOf(event, 'location'), 500),
  };
}

/**
 * The end of something starting at `start` and lasting `durationMs`: its instant, and the London
 * date and time its start's clock face shows that long after, as our sessions read an end (on the
 * days the clocks change, the wall clock and the instant then differ by the hour).
 */
function endMoment(start: LondonMoment, durationMs: number): LondonMoment {
  const face = new Date(Date.parse(`${start.date}T${start.time}:00Z`) + durationMs).toISOString();
  return { ms: start.ms + durationMs, date: face.slice(0, 10), time: face.slice(11, 16) };
}

/**
 * An instance starting at `ms`, which the rule put at `wall` in its zone. A London rule keeps its
 * wall-clock times as our sessions do (see london-time.ts): 01:30 on the day the clocks go forward
 * is still the rule's 01:30, and the end is the start plus the length as the clock face shows it.
 */
function instanceAt(wall: Wall, ms: number, facts: EventFacts): Instance {
  if (facts.dtstart.zone.kind !== 'london') {
    const start = londonMomentOf(ms);
    return { idMs: ms, start, end: endMoment(start, facts.durationMs) };
  }
  const faceMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const face = (at: number) => {
    const iso = new Date(at).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  };
  return {
    idMs: ms,
    start: { ms, ...face(faceMs) },
    end: { ms: ms + facts.durationMs, ...face(faceMs + facts.durationMs) },
  };
}

/** The rule without UNTIL and COUNT: those are applied here, with the zones ical.js does not know. */
function openRule(rule: ICAL.Recur): ICAL.Recur {
  const copy = rule.clone();
  copy.until = null;
  copy.count = null;
  return copy;
}

/**
 * The instances the rule (and DTSTART) give, in order, up to `horizon` (a London date), with
 * UNTIL and COUNT applied; `complete` when the rule ended before the horizon.
 */
function instancesOf(facts: EventFacts, horizon: string): { list: Instance[]; complete: boolean } {
  const first = instanceAt(facts.dtstart.wall, facts.start.ms, facts);
  const rule = facts.rule;
  if (rule === null) return { list: [first], complete: true };
  const until = rule.until;
  let untilMs: number | null = null;
  let untilDate: string | null = null;
  if (until !== null) {
    if (until.isDate) untilDate = dateOfWall(wallOf(until));
    else {
      const zone =
        until.zone === ICAL.Timezone.utcTimezone || until.zone?.tzid === 'UTC'
          ? UTC
          : facts.dtstart.zone;
      untilMs = instantOf(wallOf(until), zone) ?? skip(SKIP_REASONS.badRule);
    }
  }
  const count = rule.count;
  const dtstartWall = facts.dtstart.wall;
  const iterator = openRule(rule).iterator(ICAL.Time.fromData({ ...dtstartWall, isDate: false }));
  const list: Instance[] = [];
  let previous = -Infinity;
  for (let n = 0; ; n++) {
    if (n >= MAX_INSTANCES) skip(SKIP_REASONS.tooOften);
    const next = iterator.next();
    if (next === null || next === undefined) return { list, complete: true };
    const wall = wallOf(next);
    if (untilDate !== null && dateOfWall(wall) > untilDate) return { list, complete: true };
    const ms = instantOf(wall, facts.dtstart.zone);
    if (ms === null) continue;
    if (untilMs !== null && ms > untilMs) return { list, complete: true };
    // ical.js can repeat an instance in the clock-change hour; keep each instant once.
    if (ms <= previous) continue;
    previous = ms;
    const instance = instanceAt(wall, ms, facts);
    if (instance.start.date > horizon) return { list, complete: false };
    list.push(instance);
    if (count !== null && list.length >= count) return { list, complete: true };
  }
}

/** The day-by-day parts of a span of time, as London dates and times (a day's part ends 23:59). */
function partsByDay(
  start: LondonMoment,
  end: LondonMoment,
): { date: string; startTime: string; endTime: string }[] {
  if (start.date === end.date)
    return [{ date: start.date, startTime: start.time, endTime: end.time }];
  const parts: { date: string; startTime: string; endTime: string }[] = [];
  for (let date = start.date; date <= end.date; date = addDays(date, 1)) {
    const from = date === start.date ? start.time : '00:00';
    const to = date === end.date ? end.time : '23:59';
    if (to > from) parts.push({ date, startTime: from, endTime: to });
  }
  return parts;
}

/** True when a span is one London day's session: same date, or ending at the midnight after. */
function isOneDay(start: LondonMoment, end: LondonMoment): boolean {
  return partsByDay(start, end).length === 1;
}

/** Start and end times of a one-day span, a midnight end read as 23:59. */
function timesOf(start: LondonMoment, end: LondonMoment): { startTime: string; endTime: string } {
  return { startTime: start.time, endTime: end.date === start.date ? end.time : '23:59' };
}

/** Our rule for a feed's rule, when there is one to try; the check against the feed decides. */
function candidateRepeat(rule: ICAL.Recur, facts: EventFacts, first: LondonMoment): Repeat | null {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const used = Object.keys(parts).filter((k) => (parts[k]?.length ?? 0) > 0);
  const byday = (parts['BYDAY'] ?? []).map(String);
  // The feed's rule counts days in its own zone; London's date may be a day either side.
  const shift = toDayNumber(facts.start.date) - toDayNumber(dateOfWall(facts.dtstart.wall));
  const shifted = (code: string): Weekday | null => {
    const day = WEEKDAYS_BY_ICAL[code.toUpperCase()];
    if (day === undefined) return null;
    return WEEKDAY_ORDER[(WEEKDAY_ORDER.indexOf(day) + shift + 7) % 7] ?? null;
  };
  const startDay = weekdayOf(first.date);
  const weekly = (interval: number, codes: readonly string[]): Repeat | null => {
    if (interval < 1 || interval > 8) return null;
    if (codes.length === 0) return { every: 'week', interval, days: [startDay] };
    const days: Weekday[] = [];
    for (const code of codes) {
      const day = /^[A-Z]{2}$/i.test(code) ? shifted(code) : null;
      if (day === null) return null;
      if (!days.includes(day)) days.push(day);
    }
    return { every: 'week', interval, days: WEEKDAY_ORDER.filter((d) => days.includes(d)) };
  };
  if (used.some((k) => k !== 'BYDAY' && k !== 'BYSETPOS')) return null;
  if (rule.freq === 'WEEKLY') {
    return used.includes('BYSETPOS') ? null : weekly(rule.interval, byday);
  }
  if (rule.freq === 'DAILY') {
    if (used.includes('BYSETPOS')) return null;
    if (byday.length > 0) return rule.interval === 1 ? weekly(1, byday) : null;
    if (rule.interval === 1) return weekly(1, ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
    return rule.interval % 7 === 0 ? weekly(rule.interval / 7, []) : null;
  }
  if (rule.freq === 'MONTHLY' && rule.interval === 1 && shift === 0 && byday.length === 1) {
    const setpos = (parts['BYSETPOS'] ?? []).map(Number);
    const m = /^([+-]?\d)?([A-Z]{2})$/i.exec(byday[0] ?? '');
    if (m === null) return null;
    const weekday = WEEKDAYS_BY_ICAL[(m[2] ?? '').toUpperCase()];
    let nth = m[1] === undefined ? null : Number(m[1]);
    if (setpos.length === 1 && nth === null) nth = setpos[0] ?? null;
    else if (setpos.length > 0) return null;
    if (weekday === undefined || nth === null) return null;
    if (nth === 1 || nth === 2 || nth === 3 || nth === 4 || nth === -1) {
      return { every: 'month', weekday, nth };
    }
  }
  return null;
}

function recurrenceOf(
  startDate: string,
  times: { startTime: string; endTime: string },
  repeat: Repeat | null,
): Recurrence {
  return {
    startDate,
    startTime: times.startTime,
    endTime: times.endTime,
    repeat,
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
  };
}

/** Why a rule was expanded into one-offs, in words for staff. */
function ruleReason(rule: ICAL.Recur, windowEnd: string): string {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const has = (k: string) => (parts[k]?.length ?? 0) > 0;
  let what: string;
  if (rule.freq === 'YEARLY') what = 'it repeats every year';
  else if (rule.freq === 'MONTHLY' && has('BYMONTHDAY')) what = 'it repeats on a date of the month';
  else if (rule.freq === 'MONTHLY' && rule.interval > 1)
    what = `it repeats every ${rule.interval} months`;
  else if (rule.freq === 'WEEKLY' && rule.interval > 8)
    what = `it repeats every ${rule.interval} weeks`;
  else if (rule.freq === 'DAILY')
    what =
      rule.interval === 1
        ? 'it repeats daily in a way our weekly rules cannot'
        : `it repeats every ${rule.interval} days`;
  else what = 'its repeat rule is not one our sessions can follow';
  return `${what}, so each date up to ${windowEnd} is added on its own`;
}

const MIDNIGHT_REASON = "it runs past midnight, so each day's part is added on its own";
const ZONE_REASON =
  'its time zone changes the clocks on other days than the UK, so each date is added on its own';
const RDATE_REASON = 'it has extra dates of its own (RDATE), so each is added on its own';
const STRAY_REASON =
  'its first date is not one its repeat rule makes, so that date is added on its own';
const ORPHAN_REASON = 'a changed date its repeat rule does not make, so it is added on its own';

interface OneOff {
  idDate: string;
  start: LondonMoment;
  end: LondonMoment;
  cancelled: boolean;
  venue: string;
}

/** Adds one-offs (each day's part its own session) and reports them under `reason`. */
function addOneOffs(
  facts: EventFacts,
  oneOffs: readonly OneOff[],
  reason: string,
  ctx: Context,
  from: string,
  to: string | null,
) {
  const keys = ctx.keys;
  let added = 0;
  let dropped = 0;
  for (const o of oneOffs) {
    const parts = partsByDay(o.start, o.end);
    parts.forEach((part, i) => {
      if (part.date < from || (to !== null && part.date > to)) return;
      let key = i === 0 ? `${facts.uid}|${o.idDate}` : `${facts.uid}|${o.idDate}|${part.date}`;
      if (keys.has(key)) key = `${key}|${part.startTime}`;
      if (keys.has(key)) return;
      if (ctx.oneOffsLeft <= 0) {
        dropped += 1;
        return;
      }
      ctx.oneOffsLeft -= 1;
      keys.add(key);
      added += 1;
      ctx.plan.sessions.push({
        sourceKey: key,
        title: facts.title,
        description: facts.description,
        url: facts.url,
        venue: o.venue,
        startDate: part.date,
        startTime: part.startTime,
        endTime: part.endTime,
        repeat: null,
        until: null,
        count: null,
        exceptions: o.cancelled ? [cancelledOn(part.date)] : [],
        expandedFrom: facts.uid,
      });
    });
  }
  const reportKey = `${facts.uid}\n${reason}`;
  const existing = ctx.expandedBy.get(reportKey);
  if (existing !== undefined) existing.oneOffs += added;
  else {
    const report = { uid: facts.uid, title: facts.title, reason, oneOffs: added };
    ctx.expandedBy.set(reportKey, report);
    ctx.plan.expanded.push(report);
  }
  if (dropped > 0) {
    ctx.plan.skipped.push({
      uid: facts.uid,
      title: facts.title,
      reason: `${dropped} of its dates were left out: the calendar has more than ${ctx.options.maxOneOffs ?? DEFAULT_MAX_ONE_OFFS} dates to add one by one`,
    });
  }
}

function cancelledOn(date: string): OccurrenceException {
  return {
    date,
    kind: 'cancelled',
    reason: '',
    newDate: null,
    startTime: null,
    endTime: null,
    venueSlug: null,
  };
}

/** Where an override moves to: `slug` null when it stays; `outside` when it leaves Worcester. */
function overrideVenue(
  o: Override,
  facts: EventFacts,
  ctx: Context,
): { outside: boolean; slug: string | null } {
  if (o.location === '' || o.location === facts.location) return { outside: false, slug: null };
  const match = matchVenue(o.location, ctx.options.venues);
  if (match.kind === 'outside') return { outside: true, slug: null };
  const slug = match.kind === 'venue' ? match.slug : ctx.options.defaults.venue;
  return { outside: false, slug: slug === facts.venue ? null : slug };
}

/** Finds the instance an override or EXDATE names: the same instant, else the only one that day. */
function findInstance(
  list: readonly Instance[],
  byMs: ReadonlyMap<number, Instance>,
  ms: number,
  date: string,
  byDate: boolean,
): Instance | undefined {
  const exact = byDate ? undefined : byMs.get(ms);
  if (exact !== undefined) return exact;
  const sameDay = list.filter((i) => i.start.date === date);
  return sameDay.length === 1 ? sameDay[0] : undefined;
}

function planEvent(facts: EventFacts, overrides: readonly Override[], ctx: Context) {
  const { today } = ctx.options;
  // A London rule's wall-clock times are ours, so the window is enough to check it against.
  const horizon =
    facts.dtstart.zone.kind === 'london'
      ? ctx.windowEnd
      : addDays(ctx.windowEnd, CHECK_BEYOND_DAYS);
  const { list, complete } = instancesOf(facts, horizon);
  const byMs = new Map(list.map((i) => [i.idMs, i]));
  const excluded = new Set<Instance>();
  for (const ex of facts.exdates) {
    const m = momentOf(ex);
    const found = findInstance(
      list,
      byMs,
      m.ms,
      ex.isDate ? dateOfWall(ex.wall) : m.date,
      ex.isDate,
    );
    if (found !== undefined) excluded.add(found);
  }
  const overrideOfInstance = new Map<Instance, Override>();
  const orphans: Override[] = [];
  for (const o of overrides) {
    const found = findInstance(list, byMs, o.idMs, o.idDate, o.idIsDate);
    if (found !== undefined) overrideOfInstance.set(found, o);
    // Past the horizon the rule was not followed: a later import will see it in the window.
    else if (complete || o.idDate <= horizon) orphans.push(o);
  }
  // Extra dates that the rule does not make itself.
  const extra = facts.rdates.filter((r) => !byMs.has(r.start.ms));
  const first = list[0];
  if (first === undefined) return skip(SKIP_REASONS.ended);

  const oneOffOf = (i: Instance): OneOff => {
    const o = overrideOfInstance.get(i);
    if (o === undefined)
      return {
        idDate: i.start.date,
        start: i.start,
        end: i.end,
        cancelled: excluded.has(i),
        venue: facts.venue,
      };
    const venue = overrideVenue(o, facts, ctx);
    return {
      idDate: i.start.date,
      start: o.start,
      end: o.end,
      cancelled: o.cancelled || venue.outside,
      venue: venue.slug ?? facts.venue,
    };
  };
  const extrasAndOrphans = (): OneOff[] => [
    ...extra.map((r) => {
      const o = overrides.find((x) => x.idMs === r.start.ms);
      return {
        idDate: r.start.date,
        start: o?.start ?? r.start,
        end: o?.end ?? r.end,
        cancelled: o?.cancelled ?? false,
        venue: facts.venue,
      };
    }),
    ...orphans
      .filter((o) => !o.cancelled && !facts.rdates.some((r) => r.start.ms === o.idMs))
      .map((o) => ({
        idDate: o.idDate,
        start: o.start,
        end: o.end,
        cancelled: false,
        venue: facts.venue,
      })),
  ];

  // Does our model say exactly what the feed says?
  const times = timesOf(first.start, first.end);
  const sameShape = list.every(
    (i) =>
      isOneDay(i.start, i.end) &&
      timesOf(i.start, i.end).startTime === times.startTime &&
      timesOf(i.start, i.end).endTime === times.endTime,
  );
  let repeat: Repeat | null = null;
  let expandReason: string | null = null;
  let stray: Instance | null = null;
  if (facts.rule !== null) {
    repeat = candidateRepeat(facts.rule, facts, first.start);
    if (!sameShape) {
      expandReason = list.every((i) => isOneDay(i.start, i.end)) ? ZONE_REASON : MIDNIGHT_REASON;
      repeat = null;
    } else if (repeat === null) {
      expandReason = ruleReason(facts.rule, ctx.windowEnd);
    } else {
      const last = list[list.length - 1];
      const to = complete && last !== undefined ? last.start.date : horizon;
      const theirs = list.map((i) => i.start.date);
      const matches = (from: string, dates: readonly string[]) => {
        const ours = ruleDates(recurrenceOf(from, times, repeat), from, to);
        return ours.length === dates.length && ours.every((d, k) => d === dates[k]);
      };
      const second = list[1];
      if (matches(first.start.date, theirs)) {
        // Our rule says it.
      } else if (second !== undefined && matches(second.start.date, theirs.slice(1))) {
        // DTSTART is a date the rule does not make (RFC 5545 still counts it): it goes on its own.
        stray = first;
      } else {
        expandReason = ruleReason(facts.rule, ctx.windowEnd);
        repeat = null;
      }
    }
  } else if (!isOneDay(first.start, first.end)) {
    expandReason = MIDNIGHT_REASON;
  }

  if (expandReason !== null) {
    const oneOffs = list.map(oneOffOf);
    const to = facts.rule === null ? null : ctx.windowEnd;
    const lastEnd = Math.max(
      ...oneOffs.map((o) => o.end.ms),
      ...extrasAndOrphans().map((o) => o.end.ms),
    );
    if (complete && londonMomentOf(lastEnd).date < today) return skip(SKIP_REASONS.ended);
    addOneOffs(facts, oneOffs, expandReason, ctx, today, to);
    const more = extrasAndOrphans();
    if (more.length > 0)
      addOneOffs(
        facts,
        more,
        facts.rdates.length > 0 ? RDATE_REASON : ORPHAN_REASON,
        ctx,
        today,
        ctx.windowEnd,
      );
    return;
  }

  // Our rule (or a one-off) says it. Leading excluded dates move the start instead (they never happen).
  if (stray !== null && stray.end.date >= today) {
    addOneOffs(facts, [oneOffOf(stray)], STRAY_REASON, ctx, today, null);
  }
  let lead = stray === null ? 0 : 1;
  for (
    let next = list[lead];
    next !== undefined && excluded.has(next) && !overrideOfInstance.has(next);
    next = list[lead]
  ) {
    lead += 1;
  }
  const kept = list.slice(lead);
  const start = kept[0];
  const more = extrasAndOrphans();
  if (start === undefined) {
    // Every date the rule makes is excluded: only its extra dates are left.
    if (more.length === 0) return skip(SKIP_REASONS.ended);
    addOneOffs(facts, more, RDATE_REASON, ctx, today, ctx.windowEnd);
    return;
  }
  const exceptions = new Map<string, OccurrenceException>();
  // The last date anything shows on, cancelled dates included (they are shown as cancelled).
  let lastShown = '';
  const pieces: OneOff[] = [];
  for (const i of kept) {
    const o = overrideOfInstance.get(i);
    const date = i.start.date;
    if (date > lastShown) lastShown = date;
    if (o !== undefined && o.start.date > lastShown) lastShown = o.start.date;
    if (o === undefined) {
      if (excluded.has(i)) exceptions.set(date, cancelledOn(date));
      continue;
    }
    const venue = overrideVenue(o, facts, ctx);
    if (o.cancelled || venue.outside) {
      exceptions.set(date, cancelledOn(date));
      continue;
    }
    if (!isOneDay(o.start, o.end)) {
      // Moved across midnight: the date is cancelled here and its parts added as one-offs.
      exceptions.set(date, cancelledOn(date));
      pieces.push({
        idDate: date,
        start: o.start,
        end: o.end,
        cancelled: false,
        venue: venue.slug ?? facts.venue,
      });
      continue;
    }
    if (o.start.ms === i.start.ms && o.end.ms === i.end.ms && venue.slug === null) continue;
    const t = timesOf(o.start, o.end);
    exceptions.set(date, {
      date,
      kind: 'changed',
      reason: '',
      newDate: o.start.date === date ? null : o.start.date,
      startTime: t.startTime === times.startTime ? null : t.startTime,
      endTime: t.endTime === times.endTime ? null : t.endTime,
      venueSlug: venue.slug,
    });
  }
  const extrasLast = more.reduce((acc, o) => (o.start.date > acc ? o.start.date : acc), '');
  if (
    complete &&
    lastShown < today &&
    extrasLast < today &&
    pieces.every((p) => p.end.date < today)
  ) {
    return skip(SKIP_REASONS.ended);
  }
  const last = kept[kept.length - 1];
  let startDate = start.start.date;
  let until: string | null = null;
  let count: number | null = null;
  if (repeat !== null && facts.rule !== null) {
    if (complete && last !== undefined) {
      if (facts.rule.count !== null && lead === 0 && facts.rule.count <= MAX_COUNT)
        count = facts.rule.count;
      else until = last.start.date;
    } else if (facts.rule.until !== null) {
      until = untilDateOf(facts, times.startTime);
    } else if (facts.rule.count !== null) {
      const left = facts.rule.count - lead;
      if (left <= MAX_COUNT) count = left;
      else until = null;
    }
    if (until !== null && until > yearsAfter(startDate, MAX_RULE_YEARS)) {
      // Our rules run at most ten years from their start: start later if that is still in the past.
      const from = yearsAfter(until, -MAX_RULE_YEARS);
      const later = kept.find((i) => i.start.date >= from);
      if (later !== undefined && later.start.date <= today) startDate = later.start.date;
      else until = null;
    }
  }
  // Past ones are kept too, so the plan of an unchanged feed stays the same from day to day.
  const keptExceptions = [...exceptions.values()]
    .filter((ex) => ex.date >= startDate)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(-MAX_EXCEPTIONS);
  ctx.keys.add(facts.uid);
  ctx.plan.sessions.push({
    sourceKey: facts.uid,
    title: facts.title,
    description: facts.description,
    url: facts.url,
    venue: facts.venue,
    startDate,
    startTime: times.startTime,
    endTime: times.endTime,
    repeat,
    until,
    count: repeat === null ? null : count,
    exceptions: keptExceptions,
    expandedFrom: null,
  });
  if (pieces.length > 0) addOneOffs(facts, pieces, MIDNIGHT_REASON, ctx, today, null);
  if (more.length > 0)
    addOneOffs(
      facts,
      more,
      facts.rdates.length > 0 ? RDATE_REASON : ORPHAN_REASON,
      ctx,
      today,
      ctx.windowEnd,
    );
}

/** The same day `years` later (or earlier), 29 February kept as it is, as shared/session does. */
function yearsAfter(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** UNTIL as our last date: its London date, or the day before when the session starts later that day. */
function untilDateOf(facts: EventFacts, startTime: string): string | null {
  const until = facts.rule?.until;
  if (until === null || until === undefined) return null;
  if (until.isDate) return dateOfWall(wallOf(until));
  const zone =
    until.zone === ICAL.Timezone.utcTimezone || until.zone?.tzid === 'UTC'
      ? UTC
      : facts.dtstart.zone;
  const ms = instantOf(wallOf(until), zone);
  if (ms === null) return null;
  const m = londonMomentOf(ms);
  return m.time >= startTime ? m.date : addDays(m.date, -1);
}

function uidOf(event: ICAL.Component): string {
  const uid = textOf(event, 'uid').trim();
  if (uid !== '') return uid.slice(0, 500);
  // No UID: a key from what it says, so the same event keeps the same key.
  const basis = `${textOf(event, 'summary')}|${String(event.getFirstPropertyValue('dtstart'))}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < basis.length; i++)
    hash = Math.imul(hash ^ basis.charCodeAt(i), 0x01000193) >>> 0;
  return `no-uid-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The plan for a feed's text, or a plain-English reason it cannot be read at all. `today` and
 * `windowDays` bound what is expanded; `maxEvents` bounds how many events are read.
 */
export function planImport(
  icsText: string,
  options: PlanImportOptions,
): ImportPlan | { error: string } {
  try {
    return plan(icsText, options);
  } catch {
    return { error: 'the calendar could not be read' };
  }
}

function plan(icsText: string, options: PlanImportOptions): ImportPlan | { error: string } {
  const parts = readCalendar(icsText, options.maxEvents);
  if ('error' in parts) return parts;
  const result: ImportPlan = {
    sessions: [],
    skipped: [],
    expanded: [],
    cancelledSeries: [],
    calendarName: parts.name,
    capped:
      parts.eventsFound > options.maxEvents
        ? { found: parts.eventsFound, read: options.maxEvents }
        : null,
  };
  const ctx: Context = {
    options,
    zones: parts.zones,
    windowEnd: addDays(options.today, options.windowDays),
    plan: result,
    keys: new Set(),
    oneOffsLeft: options.maxOneOffs ?? DEFAULT_MAX_ONE_OFFS,
    expandedBy: new Map(),
  };
  for (const u of parts.unreadable) {
    const reason =
      u.property === 'RRULE'
        ? SKIP_REASONS.badRule
        : u.property === null || u.property === 'UID' || u.property === 'STATUS'
          ? SKIP_REASONS.unreadable
          : SKIP_REASONS.badDate;
    result.skipped.push({ uid: u.uid, title: cleanTitle(u.title, TITLE_MAX), reason });
  }
  const masters = new Map<string, ICAL.Component>();
  const overridesByUid = new Map<string, ICAL.Component[]>();
  const order = new Set<string>();
  for (const event of parts.events) {
    const uid = uidOf(event);
    if (event.hasProperty('recurrence-id')) {
      const list = overridesByUid.get(uid) ?? [];
      list.push(event);
      overridesByUid.set(uid, list);
      order.add(uid);
      continue;
    }
    if (masters.has(uid)) {
      result.skipped.push({
        uid,
        title: cleanTitle(textOf(event, 'summary'), TITLE_MAX),
        reason: SKIP_REASONS.duplicate,
      });
      continue;
    }
    masters.set(uid, event);
    order.add(uid);
  }
  for (const uid of order) {
    const master = masters.get(uid);
    const overrideEvents = overridesByUid.get(uid) ?? [];
    if (master === undefined) {
      for (const event of overrideEvents) planOrphan(event, uid, ctx);
      continue;
    }
    const title = cleanTitle(textOf(master, 'summary'), TITLE_MAX);
    try {
      if (textOf(master, 'status').toUpperCase() === 'CANCELLED') {
        result.cancelledSeries.push(uid);
        continue;
      }
      const facts = factsOf(master, uid, ctx);
      const overrides: Override[] = [];
      for (const event of overrideEvents) {
        try {
          overrides.push(overrideOf(event, facts.durationMs, ctx));
        } catch (e) {
          if (!(e instanceof SkipError)) throw e;
          result.skipped.push({
            uid,
            title: cleanTitle(textOf(event, 'summary'), TITLE_MAX) || title,
            reason: e.message,
          });
        }
      }
      planEvent(facts, overrides, ctx);
    } catch (e) {
      result.skipped.push({
        uid,
        title,
        reason: e instanceof SkipError ? e.message : SKIP_REASONS.unreadable,
      });
    }
  }
  return result;
}

/** A changed date whose series is not in the feed (Google sends these for invitations). */
function planOrphan(event: ICAL.Component, uid: string, ctx: Context) {
  const title = cleanTitle(textOf(event, 'summary'), TITLE_MAX);
  try {
    if (textOf(event, 'status').toUpperCase() === 'CANCELLED') skip(SKIP_REASONS.cancelledDate);
    const facts = factsOf(event, uid, ctx);
    const id = overrideOf(event, facts.durationMs, ctx);
    if (id.end.date < ctx.options.today) skip(SKIP_REASONS.ended);
    addOneOffs(
      { ...facts, rule: null },
      [
        {
          idDate: id.idDate,
          start: facts.start,
          end: endMoment(facts.start, facts.durationMs),
          cancelled: false,
          venue: facts.venue,
        },
      ],
      ORPHAN_REASON,
      ctx,
      ctx.options.today,
      null,
    );
  } catch (e) {
    ctx.plan.skipped.push({
      uid,
      title,
      reason: e instanceof SkipError ? e.message : SKIP_REASONS.unreadable,
    });
  }
}
