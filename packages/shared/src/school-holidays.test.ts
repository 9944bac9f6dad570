import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './describe-recurrence.ts';
import { expandRecurrence, firstRuleDate, isRuleDate, ruleDatesExamined } from './recurrence.ts';
import type { Recurrence } from './session.ts';

const TUESDAYS: Recurrence = {
  startDate: '2027-01-05',
  startTime: '15:30',
  endTime: '17:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
  until: null,
  count: null,
  skipBankHolidays: false,
  schoolHolidays: [{ from: '2027-02-15', to: '2027-02-19' }],
  exceptions: [],
};

describe('skipping school holidays', () => {
  it('leaves out the dates inside a holiday, first and last days included', () => {
    const dates = expandRecurrence(TUESDAYS, '2027-02-01', '2027-02-28').map((o) => o.date);
    expect(dates).toEqual(['2027-02-02', '2027-02-09', '2027-02-23']);
    const edges = { ...TUESDAYS, schoolHolidays: [{ from: '2027-02-16', to: '2027-02-16' }] };
    expect(isRuleDate(edges, '2027-02-16')).toBe(false);
    expect(isRuleDate(edges, '2027-02-23')).toBe(true);
  });

  it('starts a rule after a holiday it begins in, and says so in words', () => {
    const inHoliday = { ...TUESDAYS, startDate: '2027-02-16' };
    expect(firstRuleDate(inHoliday)).toBe('2027-02-23');
    expect(describeRecurrence(TUESDAYS)).toContain('not in school holidays');
  });

  it('costs the window asked for, however many holidays are kept', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      from: `${2030 + Math.floor(i / 10)}-0${(i % 9) + 1}-01`,
      to: `${2030 + Math.floor(i / 10)}-0${(i % 9) + 1}-05`,
    }));
    const before = ruleDatesExamined();
    expandRecurrence({ ...TUESDAYS, schoolHolidays: many }, '2027-02-01', '2027-02-28');
    expect(ruleDatesExamined() - before).toBe(4);
  });
});
