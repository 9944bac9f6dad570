// England and Wales bank holidays, from the GOV.UK list (https://www.gov.uk/bank-holidays).
// Extend this list each year: a test fails when it no longer covers the next two years.

/** Sorted, 'YYYY-MM-DD'. */
export const BANK_HOLIDAYS: readonly string[] = [
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
  '2029-01-01',
  '2029-03-30',
  '2029-04-02',
  '2029-05-07',
  '2029-05-28',
  '2029-08-27',
  '2029-12-25',
  '2029-12-26',
];

/** First and last years the list covers; outside them no date counts as a bank holiday. */
export const BANK_HOLIDAYS_COVER_FROM = 2025;
export const BANK_HOLIDAYS_COVER_UNTIL = 2029;

const BANK_HOLIDAY_SET: ReadonlySet<string> = new Set(BANK_HOLIDAYS);

/** True when the date is an England and Wales bank holiday. */
export function isBankHoliday(date: string): boolean {
  return BANK_HOLIDAY_SET.has(date);
}
