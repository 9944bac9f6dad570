// Pure arithmetic on local calendar dates written 'YYYY-MM-DD'. Nothing here reads a clock or the
// process time zone: dates are day numbers (days since 1970-01-01), via Date.UTC or integer maths.

import { WEEKDAYS, type Weekday } from './lists.ts';

const MS_PER_DAY = 86_400_000;

const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Year, month (1–12) and day of a 'YYYY-MM-DD' string. */
export function splitDate(date: string): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function toDayNumber(date: string): number {
  const { year, month, day } = splitDate(date);
  return dayNumberOf(year, month, day);
}

/** Days since 1970-01-01 of a year, month (1–12) and day; out-of-range parts roll over. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The 'YYYY-MM-DD' date of a day number. Integer arithmetic (Hinnant's civil-from-days, the
 * inverse of Date.UTC) because expansion calls it for every occurrence.
 */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayIndexOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return weekdayIndexOfDayNumber(toDayNumber(date));
}

/** 'mon' … 'sun'. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[weekdayIndex(date)] ?? 'mon';
}

/** Index 0 (Monday) … 6 (Sunday) of a weekday code. */
export function indexOfWeekday(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from a to b: positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Negative, zero or positive, for sorting. ISO dates compare as strings. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The Monday on or before the date. */
export function startOfWeek(date: string): string {
  const n = toDayNumber(date);
  return fromDayNumber(n - weekdayIndexOfDayNumber(n));
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `n` calendar months later (earlier when negative), or that month's last day. */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = splitDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromDayNumber(dayNumberOf(y, m, Math.min(day, daysInMonth(y, m))));
}

/**
 * Day number of the nth (1–4) or last (-1) given weekday (0 = Monday) of a month (1–12).
 * Every month has at least four of each weekday, so the answer always exists.
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  nth: number,
): number {
  if (nth < 0) {
    const last = dayNumberOf(year, month, daysInMonth(year, month));
    return last - ((weekdayIndexOfDayNumber(last) - weekday + 7) % 7);
  }
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayIndexOfDayNumber(first) + 7) % 7) + 7 * (nth - 1);
}

/** 'Monday' … 'Sunday'. */
export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[indexOfWeekday(day)] ?? day;
}

/** '6 Jan 2027'. */
export function formatShortDate(date: string): string {
  const { year, month, day } = splitDate(date);
  return `${day} ${MONTHS_SHORT[month - 1] ?? ''} ${year}`;
}

/** 'January' … 'December' for month 1 … 12. */
export function monthName(month: number): string {
  return MONTHS_LONG[month - 1] ?? '';
}

/** 'Jan' … 'Dec' for month 1 … 12. */
export function shortMonthName(month: number): string {
  return MONTHS_SHORT[month - 1] ?? '';
}

/** 'Wednesday 6 January 2027'. */
export function formatLongDate(date: string): string {
  const { year, month, day } = splitDate(date);
  return `${weekdayName(weekdayOf(date))} ${day} ${monthName(month)} ${year}`;
}
