// Expands a session's recurrence into dated occurrences, in Europe/London local dates.
// Pure and clock-free: the same rule and window give the same answer on any machine.

import { isBankHoliday } from './bank-holidays.ts';
import {
  addDays,
  fromDayNumber,
  indexOfWeekday,
  nthWeekdayOfMonth,
  splitDate,
  toDayNumber,
  weekdayIndexOfDayNumber,
} from './dates.ts';
import type {
  DateRange,
  MonthlyRepeat,
  OccurrenceException,
  Recurrence,
  WeeklyRepeat,
} from './session.ts';

/** One occurrence in local terms: what the API, feeds and kiosk turn into instants. */
export interface LocalOccurrence {
  /** The date the rule scheduled it for: its identity (RECURRENCE-ID); stays put when moved. */
  date: string;
  /** The date it actually happens (differs from `date` when moved). */
  startDate: string;
  startTime: string;
  endTime: string;
  status: 'scheduled' | 'cancelled';
  reason: string | null;
  /** True when its date, time or venue differs from the rule's. */
  changed: boolean;
  /** The venue it moved to, or null for the session's own venue. */
  venueSlug: string | null;
}

/** How far nextOccurrences looks ahead. */
const LOOK_AHEAD_DAYS = 731;

/** Weekday indexes (0 = Monday) of a weekly rule, sorted and unique. */
function sortedDays(repeat: WeeklyRepeat): number[] {
  return [...new Set(repeat.days.map(indexOfWeekday))].sort((a, b) => a - b);
}

/** Month index (months since year 0) of a day number, and back. */
function monthIndexOf(dayNumber: number): number {
  const { year, month } = splitDate(fromDayNumber(dayNumber));
  return year * 12 + (month - 1);
}

function monthlyDayIn(repeat: MonthlyRepeat, monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return nthWeekdayOfMonth(year, (monthIndex % 12) + 1, indexOfWeekday(repeat.weekday), repeat.nth);
}

/** Day number of the count-th instance of the rule (bank holidays included, as RRULE COUNT does). */
function countthDay(r: Recurrence, count: number): number {
  const start = toDayNumber(r.startDate);
  const repeat = r.repeat;
  if (repeat === null) return start;
  if (repeat.every === 'week') {
    const days = sortedDays(repeat);
    const week0 = start - weekdayIndexOfDayNumber(start);
    const firstWeek = days.filter((d) => week0 + d >= start);
    const inFirst = firstWeek[count - 1];
    if (inFirst !== undefined) return week0 + inFirst;
    const rest = count - firstWeek.length;
    const periods = Math.ceil(rest / days.length);
    const day = days[rest - (periods - 1) * days.length - 1] ?? 0;
    return week0 + 7 * periods * repeat.interval + day;
  }
  const firstMonth = monthIndexOf(start);
  const skipFirst = monthlyDayIn(repeat, firstMonth) < start ? 1 : 0;
  return monthlyDayIn(repeat, firstMonth + skipFirst + count - 1);
}

/** Last day number the rule can reach (inclusive), or Infinity when it runs forever. */
function lastDayBound(r: Recurrence): number {
  if (r.repeat === null) return toDayNumber(r.startDate);
  let bound = Infinity;
  if (r.until !== null) bound = toDayNumber(r.until);
  if (r.count !== null) bound = Math.min(bound, countthDay(r, r.count));
  return bound;
}

/** Raw rule day numbers in [lo, hi], before bank-holiday skips. */
function rawRuleDays(r: Recurrence, lo: number, hi: number): number[] {
  const start = toDayNumber(r.startDate);
  const repeat = r.repeat;
  const out: number[] = [];
  if (repeat === null) {
    if (start >= lo && start <= hi) out.push(start);
    return out;
  }
  if (repeat.every === 'week') {
    const days = sortedDays(repeat);
    const week0 = start - weekdayIndexOfDayNumber(start);
    const step = repeat.interval;
    const firstWeek = Math.floor((lo - week0) / 7);
    for (let week = Math.ceil(firstWeek / step) * step; week0 + 7 * week <= hi; week += step) {
      const monday = week0 + 7 * week;
      for (const d of days) {
        const day = monday + d;
        if (day >= lo && day <= hi) out.push(day);
      }
    }
    return out;
  }
  const last = monthIndexOf(hi);
  for (let month = monthIndexOf(lo); month <= last; month++) {
    const day = monthlyDayIn(repeat, month);
    if (day >= lo && day <= hi) out.push(day);
  }
  return out;
}

/** Day-number window [lo, hi] clipped to where the rule runs; lo > hi when empty. */
function clip(r: Recurrence, from: string, to: string): [number, number] {
  return [
    Math.max(toDayNumber(from), toDayNumber(r.startDate)),
    Math.min(toDayNumber(to), lastDayBound(r)),
  ];
}

let datesExamined = 0;

/**
 * How many candidate dates ruleDates has generated in this process, bank holidays included: what
 * tests and benchmarks read to check that work follows the window asked for, not the rule's span.
 */
export function ruleDatesExamined(): number {
  return datesExamined;
}

/**
 * The dates the rule itself generates within [from, to] inclusive, sorted, before cancellations
 * and changes: honours interval, until, count (counted from startDate, bank holidays included)
 * skipBankHolidays and the school holidays it skips.
 */
export function ruleDates(r: Recurrence, from: string, to: string): string[] {
  const [lo, hi] = clip(r, from, to);
  if (lo > hi) return [];
  const dates = rawRuleDays(r, lo, hi).map(fromDayNumber);
  datesExamined += dates.length;
  const holidays = r.schoolHolidays ?? [];
  if (!r.skipBankHolidays && holidays.length === 0) return dates;
  return dates.filter(
    (d) => !(r.skipBankHolidays && isBankHoliday(d)) && !isInAnyRange(d, holidays),
  );
}

/** True when the date falls in one of the ranges (a handful a year, so a plain walk). */
export function isInAnyRange(date: string, ranges: readonly DateRange[]): boolean {
  return ranges.some((range) => date >= range.from && date <= range.to);
}

/** True when the rule itself generates this date (what a cancellation or change may name). */
export function isRuleDate(r: Recurrence, date: string): boolean {
  return ruleDates(r, date, date).length === 1;
}

/** The first date the rule generates, or null when it generates none (use it as DTSTART). */
export function firstRuleDate(r: Recurrence): string | null {
  const [lo, hi] = clip(r, r.startDate, addDays(r.startDate, 3660));
  if (lo > hi) return null;
  // Bank holidays are at most two in a row, so the first rule date is within a few instances.
  for (let from = lo; from <= hi; from += 400) {
    const dates = ruleDates(r, fromDayNumber(from), fromDayNumber(Math.min(hi, from + 399)));
    if (dates[0] !== undefined) return dates[0];
  }
  return null;
}

/**
 * The last date the rule reaches when until or count bounds it (bank-holiday skips included, as
 * RRULE UNTIL/COUNT treat them), or null when it repeats forever.
 */
export function lastRuleDate(r: Recurrence): string | null {
  if (r.repeat === null) return r.startDate;
  if (r.until === null && r.count === null) return null;
  const start = toDayNumber(r.startDate);
  const hi = lastDayBound(r);
  if (r.count !== null && hi === countthDay(r, r.count)) return fromDayNumber(hi);
  // Bound by until: the last raw instance on or before it; monthly rules are at most ~5 weeks apart.
  const span = r.repeat.every === 'week' ? 7 * r.repeat.interval + 7 : 40;
  const days = rawRuleDays(r, Math.max(start, hi - span), hi);
  const last = days[days.length - 1];
  return last === undefined ? (r.until ?? r.startDate) : fromDayNumber(last);
}

function occurrenceOf(
  r: Recurrence,
  date: string,
  ex: OccurrenceException | undefined,
): LocalOccurrence {
  if (ex === undefined) {
    return {
      date,
      startDate: date,
      startTime: r.startTime,
      endTime: r.endTime,
      status: 'scheduled',
      reason: null,
      changed: false,
      venueSlug: null,
    };
  }
  const startDate = ex.newDate ?? date;
  const startTime = ex.startTime ?? r.startTime;
  const endTime = ex.endTime ?? r.endTime;
  return {
    date,
    startDate,
    startTime,
    endTime,
    status: ex.kind === 'cancelled' ? 'cancelled' : 'scheduled',
    reason: ex.reason === '' ? null : ex.reason,
    changed:
      startDate !== date ||
      startTime !== r.startTime ||
      endTime !== r.endTime ||
      ex.venueSlug !== null,
    venueSlug: ex.venueSlug,
  };
}

function compareOccurrences(a: LocalOccurrence, b: LocalOccurrence): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * The occurrences whose actual date falls in [from, to] inclusive, sorted by actual date and
 * time. Cancelled ones are included with status 'cancelled'; a moved one appears where it moved
 * to. Exceptions that name a date the rule does not generate are ignored.
 */
export function expandRecurrence(r: Recurrence, from: string, to: string): LocalOccurrence[] {
  if (from > to) return [];
  const dates = ruleDates(r, from, to);
  if (r.exceptions.length === 0) {
    return dates.map((date) => occurrenceOf(r, date, undefined));
  }
  const byDate = new Map<string, OccurrenceException>();
  for (const ex of r.exceptions) byDate.set(ex.date, ex);
  const out: LocalOccurrence[] = [];
  for (const date of dates) {
    const occurrence = occurrenceOf(r, date, byDate.get(date));
    if (occurrence.startDate >= from && occurrence.startDate <= to) out.push(occurrence);
  }
  // Occurrences scheduled outside the window but moved into it.
  for (const [date, ex] of byDate) {
    if (date >= from && date <= to) continue;
    if (ex.newDate === null || ex.newDate < from || ex.newDate > to) continue;
    if (!isRuleDate(r, date)) continue;
    out.push(occurrenceOf(r, date, ex));
  }
  return out.sort(compareOccurrences);
}

/**
 * The occurrence the rule schedules on `date`, with its cancellation or change applied, wherever
 * and whenever it now happens; null when the rule does not generate that date. (A window around
 * `date` would miss an occurrence moved far from it.)
 */
export function occurrenceOn(r: Recurrence, date: string): LocalOccurrence | null {
  if (!isRuleDate(r, date)) return null;
  let found: OccurrenceException | undefined;
  // The last exception for a date wins, as in expandRecurrence.
  for (const ex of r.exceptions) if (ex.date === date) found = ex;
  return occurrenceOf(r, date, found);
}

/** The next n occurrences on or after fromDate (cancelled ones included), looking up to two years ahead. */
export function nextOccurrences(r: Recurrence, fromDate: string, n: number): LocalOccurrence[] {
  const out: LocalOccurrence[] = [];
  const end = addDays(fromDate, LOOK_AHEAD_DAYS - 1);
  for (let from = fromDate; from <= end && out.length < n; from = addDays(from, 92)) {
    const to = addDays(from, 91);
    out.push(...expandRecurrence(r, from, to < end ? to : end));
  }
  return out.slice(0, n);
}
