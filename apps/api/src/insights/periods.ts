// The time pieces every count is gathered into. A piece is a Monday-to-Sunday week cut at month
// ends, so weeks and months are both whole numbers of pieces. Every range is widened to whole
// pieces, so the same day always falls in the same piece whatever range is asked for: no two
// answers can be subtracted to expose part of a piece.
import {
  addDays,
  compareDates,
  daysInMonth,
  monthName,
  shortMonthName,
  splitDate,
  startOfWeek,
} from '@fiveways/shared/dates';
import type { InsightPeriod } from '@fiveways/shared';

/** YYYY-MM of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function firstOfMonth(date: string): string {
  return `${monthOf(date)}-01`;
}

function lastOfMonth(date: string): string {
  const { year, month } = splitDate(date);
  return `${monthOf(date)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The first day of the piece a date is in. */
export function pieceStartOf(date: string): string {
  const monday = startOfWeek(date);
  const first = firstOfMonth(date);
  return compareDates(monday, first) < 0 ? first : monday;
}

/** The last day of the piece a date is in. */
export function pieceEndOf(date: string): string {
  const sunday = addDays(startOfWeek(date), 6);
  const last = lastOfMonth(date);
  return compareDates(sunday, last) > 0 ? last : sunday;
}

/** The range widened to whole pieces. */
export function widenToPieces(from: string, to: string): { from: string; to: string } {
  return { from: pieceStartOf(from), to: pieceEndOf(to) };
}

/** The bucket a day is counted in: its piece's first day for weeks, YYYY-MM for months. */
export function bucketOf(date: string, per: InsightPeriod): string {
  return per === 'week' ? pieceStartOf(date) : monthOf(date);
}

/** Every bucket of a (widened) range, in order. */
export function bucketsOf(from: string, to: string, per: InsightPeriod): string[] {
  const buckets: string[] = [];
  for (let day = from; compareDates(day, to) <= 0; day = addDays(pieceEndOf(day), 1)) {
    const bucket = bucketOf(day, per);
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/** "November 2026" for 2026-11. */
export function describeMonth(month: string): string {
  const { year, month: m } = splitDate(`${month}-01`);
  return `${monthName(m)} ${year}`;
}

/** "2–8 Nov 2026" for a week piece, "November 2026" for a month. */
export function describeBucket(bucket: string, per: InsightPeriod): string {
  if (per === 'month') return describeMonth(bucket);
  const end = pieceEndOf(bucket);
  const { year, month, day } = splitDate(bucket);
  const last = splitDate(end).day;
  const name = shortMonthName(month);
  return day === last ? `${day} ${name} ${year}` : `${day}–${last} ${name} ${year}`;
}

/** The days of a month that fall within a range, and whether that is all of them. */
export function daysOfMonthIn(
  month: string,
  from: string,
  to: string,
): { days: number; partial: boolean } {
  const first = `${month}-01`;
  const last = lastOfMonth(first);
  const start = compareDates(from, first) > 0 ? from : first;
  const end = compareDates(to, last) < 0 ? to : last;
  let days = 0;
  for (let d = start; compareDates(d, end) <= 0; d = addDays(d, 1)) days++;
  const { year, month: m } = splitDate(first);
  return { days, partial: days < daysInMonth(year, m) };
}
