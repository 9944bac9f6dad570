// Europe/London wall-clock time without Intl: fast enough for the hot path of expansion.
// UK rule, exact for every year since 1996: BST (+01:00) from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October, GMT (+00:00) otherwise.
//
// The clock-change hour. On the last Sunday of March the local times 01:00-01:59 do not exist; on
// the last Sunday of October they happen twice. A session's times mean one thing everywhere (the
// API, the feeds, the kiosk), worked out by londonSpan:
// - its start is read as RFC 5545 section 3.3.5 reads a local time: a time that does not exist is
//   shifted forward by the length of the gap (01:30 -> 02:30 BST), and a time that happens twice is
//   the first of the two (01:30 -> 01:30 BST);
// - its end is the start plus the session's length as the clock face shows it on any other day,
//   as RFC 5545 gives every instance of a repeating event the same exact duration.
// So no occurrence is ever zero-length or an hour longer than planned: 01:30-02:30 is 02:30-03:30
// BST on the March Sunday and 01:30 BST-01:30 GMT on the October one; 00:30-02:30 ends at 03:30 BST
// in March (two hours, as on every other day). clockChangeClash tells staff forms and the kiosk
// when a date and times meet that hour; the feeds write such occurrences as UTC instants, since
// calendar apps read those local times in different ways.

import { fromDayNumber, nthWeekdayOfMonth, toDayNumber } from './dates.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const SUNDAY = 6;

export type LondonOffset = '+00:00' | '+01:00';

interface ClockChanges {
  spring: number;
  autumn: number;
  springDate: string;
  autumnDate: string;
}

const clockChangeCache = new Map<number, ClockChanges>();

/** The last Sundays of March and October (the days the clocks change), memoised per year. */
function clockChangesOf(year: number): ClockChanges {
  let changes = clockChangeCache.get(year);
  if (changes === undefined) {
    const spring = nthWeekdayOfMonth(year, 3, SUNDAY, -1);
    const autumn = nthWeekdayOfMonth(year, 10, SUNDAY, -1);
    changes = {
      spring,
      autumn,
      springDate: fromDayNumber(spring),
      autumnDate: fromDayNumber(autumn),
    };
    clockChangeCache.set(year, changes);
  }
  return changes;
}

/** Day numbers of the last Sundays of March and October: the days the clocks change. */
export function clockChangeDays(year: number): { spring: number; autumn: number } {
  const { spring, autumn } = clockChangesOf(year);
  return { spring, autumn };
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/**
 * Resolves a London wall-clock time to its offset in minutes and the wall time that exists:
 * a time in the spring-forward gap (01:00–01:59) moves forward one hour; an ambiguous time in
 * October (01:00–01:59) takes the first, BST, instance.
 */
function resolve(date: string, time: string): { offsetMinutes: 0 | 60; minutes: number } {
  const minutes = minutesOf(time);
  // ISO dates compare as strings: no day arithmetic on the hot path.
  const { springDate, autumnDate } = clockChangesOf(Number(date.slice(0, 4)));
  if (date < springDate || date > autumnDate) return { offsetMinutes: 0, minutes };
  if (date > springDate && date < autumnDate) return { offsetMinutes: 60, minutes };
  if (date === springDate) {
    if (minutes < 60) return { offsetMinutes: 0, minutes };
    return { offsetMinutes: 60, minutes: minutes < 120 ? minutes + 60 : minutes };
  }
  return { offsetMinutes: minutes < 120 ? 60 : 0, minutes };
}

/** The UK offset of a London wall-clock date and time ('HH:MM'). */
export function londonOffset(date: string, time: string): LondonOffset {
  return resolve(date, time).offsetMinutes === 60 ? '+01:00' : '+00:00';
}

/** ISO 8601 with the UK offset: toLondonInstant('2027-03-30', '10:00') → '2027-03-30T10:00:00+01:00'. */
export function toLondonInstant(date: string, time: string): string {
  const { offsetMinutes, minutes } = resolve(date, time);
  return `${date}T${formatMinutes(minutes)}:00${offsetMinutes === 60 ? '+01:00' : '+00:00'}`;
}

/** The clock change on a date: 'spring' (last Sunday of March), 'autumn' (last Sunday of October). */
export type ClockChange = 'spring' | 'autumn';

/** Which clock change happens on a London date, or null for an ordinary day. */
export function clockChangeOn(date: string): ClockChange | null {
  const { springDate, autumnDate } = clockChangesOf(Number(date.slice(0, 4)));
  return date === springDate ? 'spring' : date === autumnDate ? 'autumn' : null;
}

/**
 * The clock change a session's times meet on a date: when any of the local times from its start
 * to its end (inclusive) falls in 01:00-01:59 on a clock-change Sunday, that hour does not exist
 * ('spring') or happens twice ('autumn'), and londonSpan's rule decides what the times mean.
 * Null on every other date, and for times clear of that hour.
 */
export function clockChangeClash(
  date: string,
  startTime: string,
  endTime: string,
): ClockChange | null {
  // 'HH:MM' strings compare as times.
  if (startTime >= '02:00' || endTime < '01:00') return null;
  return clockChangeOn(date);
}

/** An occurrence's start and end as ISO 8601 with the UK offset, and as epoch milliseconds. */
export interface LondonSpan {
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/**
 * When a session held on a London date from startTime to endTime happens: the start read as
 * RFC 5545 reads a local time, the end that many minutes later as the clock face says on an
 * ordinary day (see the rule at the top of this module).
 */
export function londonSpan(date: string, startTime: string, endTime: string): LondonSpan {
  const startMs = toEpochMs(date, startTime);
  const endMs = startMs + (minutesOf(endTime) - minutesOf(startTime)) * MS_PER_MINUTE;
  return {
    start: toLondonInstant(date, startTime),
    end: formatLondonInstant(endMs),
    startMs,
    endMs,
  };
}

/** ISO 8601 with the UK offset in force at an instant (ms since the epoch), to the minute. */
export function formatLondonInstant(ms: number): string {
  const { date, time } = londonWallTimeOf(new Date(ms));
  return `${date}T${time}:00${isBst(ms) ? '+01:00' : '+00:00'}`;
}

/** Milliseconds since the epoch of a London wall-clock date and time. */
export function toEpochMs(date: string, time: string): number {
  const { offsetMinutes, minutes } = resolve(date, time);
  return toDayNumber(date) * MS_PER_DAY + (minutes - offsetMinutes) * MS_PER_MINUTE;
}

/** The instant of a London wall-clock date and time, as a JS Date. */
export function toUtcDate(date: string, time: string): Date {
  return new Date(toEpochMs(date, time));
}

/** True when an instant (ms since the epoch) falls in British Summer Time. */
function isBst(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  const { spring, autumn } = clockChangesOf(year);
  const start = spring * MS_PER_DAY + 60 * MS_PER_MINUTE;
  const end = autumn * MS_PER_DAY + 60 * MS_PER_MINUTE;
  return ms >= start && ms < end;
}

/** London wall-clock date and time ('HH:MM') of an instant. */
export function londonWallTimeOf(instant: Date): { date: string; time: string } {
  const ms = instant.getTime();
  const local = ms + (isBst(ms) ? 60 : 0) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
  return { date: fromDayNumber(day), time: formatMinutes(minutes) };
}

/** London local date of an instant. */
export function londonDateOf(instant: Date): string {
  return londonWallTimeOf(instant).date;
}

/** The UK wall-clock date of an instant written with its UK offset: 2027-03-30T10:00:00+01:00. */
export function wallDateOf(instant: string): string {
  return instant.slice(0, 10);
}

/** The UK wall-clock time ('HH:MM') of an instant written with its UK offset. */
export function wallTimeOf(instant: string): string {
  return instant.slice(11, 16);
}

/** The UK offset in force at an instant. */
export function londonOffsetAt(instant: Date): LondonOffset {
  return isBst(instant.getTime()) ? '+01:00' : '+00:00';
}

/** Start of a London local day as an instant (midnight never falls in a clock-change gap). */
export function startOfLondonDay(date: string): Date {
  return toUtcDate(date, '00:00');
}
