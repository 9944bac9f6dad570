import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS,
  BANK_HOLIDAYS_COVER_FROM,
  BANK_HOLIDAYS_COVER_UNTIL,
  isBankHoliday,
} from './bank-holidays.ts';
import { addDays, dayNumberOf, fromDayNumber, nthWeekdayOfMonth, weekdayOf } from './dates.ts';

const MON = 0;

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(dayNumberOf(year, month, day));
}

/** A fixed date, or the next weekday(s) not already taken when it falls at the weekend. */
function substitute(date: string, taken: string[]): string {
  let d = date;
  while (weekdayOf(d) === 'sat' || weekdayOf(d) === 'sun' || taken.includes(d)) d = addDays(d, 1);
  return d;
}

/** The usual England and Wales pattern; one-off holidays (a coronation) would need adding. */
function usualBankHolidays(year: number): Record<string, string> {
  const easter = easterSunday(year);
  const christmas = substitute(`${year}-12-25`, []);
  return {
    "New Year's Day": substitute(`${year}-01-01`, []),
    'Good Friday': addDays(easter, -2),
    'Easter Monday': addDays(easter, 1),
    'Early May bank holiday': fromDayNumber(nthWeekdayOfMonth(year, 5, MON, 1)),
    'Spring bank holiday': fromDayNumber(nthWeekdayOfMonth(year, 5, MON, -1)),
    'Summer bank holiday': fromDayNumber(nthWeekdayOfMonth(year, 8, MON, -1)),
    'Christmas Day': christmas,
    'Boxing Day': substitute(`${year}-12-26`, [christmas]),
  };
}

describe('bank holidays', () => {
  it('are sorted, unique and within the years covered', () => {
    expect([...BANK_HOLIDAYS].sort()).toEqual(BANK_HOLIDAYS);
    expect(new Set(BANK_HOLIDAYS).size).toBe(BANK_HOLIDAYS.length);
    expect(BANK_HOLIDAYS[0]?.slice(0, 4)).toBe(String(BANK_HOLIDAYS_COVER_FROM));
    expect(BANK_HOLIDAYS.at(-1)?.slice(0, 4)).toBe(String(BANK_HOLIDAYS_COVER_UNTIL));
  });

  it('fall on weekdays, Easter Monday and the May and August ones on Mondays', () => {
    for (const date of BANK_HOLIDAYS) expect(['sat', 'sun']).not.toContain(weekdayOf(date));
    for (let year = BANK_HOLIDAYS_COVER_FROM; year <= BANK_HOLIDAYS_COVER_UNTIL; year++) {
      const h = usualBankHolidays(year);
      expect(weekdayOf(h['Good Friday'] ?? '')).toBe('fri');
      for (const name of ['Easter Monday', 'Early May bank holiday', 'Summer bank holiday']) {
        expect(weekdayOf(h[name] ?? '')).toBe('mon');
      }
    }
  });

  it('match the usual pattern, year by year, with weekend days moved to the next weekday', () => {
    for (let year = BANK_HOLIDAYS_COVER_FROM; year <= BANK_HOLIDAYS_COVER_UNTIL; year++) {
      const listed = BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`));
      expect(listed, `bank holidays in ${year}`).toEqual(
        Object.values(usualBankHolidays(year)).sort(),
      );
    }
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(usualBankHolidays(2027)['Boxing Day']).toBe('2027-12-28');
  });

  it('answers isBankHoliday', () => {
    expect(isBankHoliday('2027-05-31')).toBe(true);
    expect(isBankHoliday('2027-12-25')).toBe(false);
    expect(isBankHoliday('2027-12-27')).toBe(true);
    expect(isBankHoliday('2027-06-01')).toBe(false);
  });

  it('cover this year and the next two (update bank-holidays.ts when this fails)', () => {
    // Deliberately reads the real clock: the list goes stale with time, not with code changes.
    const thisYear = new Date().getUTCFullYear();
    expect(
      BANK_HOLIDAYS_COVER_UNTIL,
      `bank-holidays.ts ends in ${BANK_HOLIDAYS_COVER_UNTIL}: add ${thisYear + 1} and ${thisYear + 2} from https://www.gov.uk/bank-holidays`,
    ).toBeGreaterThanOrEqual(thisYear + 2);
    expect(BANK_HOLIDAYS_COVER_FROM).toBeLessThanOrEqual(thisYear);
  });
});
