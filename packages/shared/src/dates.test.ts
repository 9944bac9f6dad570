import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  formatLongDate,
  formatShortDate,
  fromDayNumber,
  nthWeekdayOfMonth,
  startOfWeek,
  toDayNumber,
  weekdayOf,
} from './dates.ts';

describe('dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-28', 7)).toBe('2027-04-04');
  });

  it('names the weekday', () => {
    expect(weekdayOf('2027-03-30')).toBe('tue');
    expect(weekdayOf('2027-01-01')).toBe('fri');
    expect(weekdayOf('1970-01-01')).toBe('thu');
    expect(weekdayOf('1969-12-29')).toBe('mon');
    expect(weekdayOf('2027-10-31')).toBe('sun');
  });

  it('counts days between dates and compares them', () => {
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-03-30', '2027-03-23')).toBe(-7);
    expect(compareDates('2027-01-02', '2027-01-10')).toBeLessThan(0);
    expect(compareDates('2027-01-10', '2027-01-10')).toBe(0);
    expect(['2027-03-01', '2026-12-31', '2027-01-15'].sort(compareDates)).toEqual([
      '2026-12-31',
      '2027-01-15',
      '2027-03-01',
    ]);
  });

  it('finds the Monday of a week', () => {
    expect(startOfWeek('2027-01-06')).toBe('2027-01-04');
    expect(startOfWeek('2027-01-04')).toBe('2027-01-04');
    expect(startOfWeek('2027-01-03')).toBe('2026-12-28');
  });

  it('finds the nth and last weekday of a month', () => {
    const tue = 1;
    const fri = 4;
    expect(fromDayNumber(nthWeekdayOfMonth(2027, 3, tue, 1))).toBe('2027-03-02');
    expect(fromDayNumber(nthWeekdayOfMonth(2027, 3, tue, 4))).toBe('2027-03-23');
    expect(fromDayNumber(nthWeekdayOfMonth(2027, 3, tue, -1))).toBe('2027-03-30');
    expect(fromDayNumber(nthWeekdayOfMonth(2027, 4, fri, -1))).toBe('2027-04-30');
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
  });

  it('counts months by the calendar, ending on the last day of a shorter month', () => {
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2027-02-15', -3)).toBe('2026-11-15');
    expect(addMonths('2028-05-30', -3)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 14)).toBe('2029-01-30');
    expect(addMonths('2027-03-10', 0)).toBe('2027-03-10');
  });

  it('formats dates for people', () => {
    expect(formatShortDate('2027-01-06')).toBe('6 Jan 2027');
    expect(formatLongDate('2027-01-06')).toBe('Wednesday 6 January 2027');
    expect(formatLongDate('2027-10-31')).toBe('Sunday 31 October 2027');
  });

  it('round-trips day numbers and agrees with the ISO date of the UTC day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 100_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(n);
        expect(daysBetween(date, addDays(date, 10))).toBe(10);
        const jsDay = new Date(n * 86_400_000).getUTCDay();
        expect(weekdayOf(date)).toBe(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][jsDay]);
      }),
    );
  });
});
