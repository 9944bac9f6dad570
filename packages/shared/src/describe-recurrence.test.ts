import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './describe-recurrence.ts';
import type { Recurrence } from './session.ts';

function rule(overrides: Partial<Recurrence>): Recurrence {
  return {
    startDate: '2027-01-04',
    startTime: '10:00',
    endTime: '12:00',
    repeat: null,
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
    ...overrides,
  };
}

describe('describeRecurrence', () => {
  it('lists several weekdays in week order', () => {
    const r = rule({ repeat: { every: 'week', interval: 1, days: ['thu', 'mon', 'wed'] } });
    expect(describeRecurrence(r)).toBe('Every Monday, Wednesday and Thursday, 10:00–12:00');
  });

  it('says every day when all seven are chosen', () => {
    const r = rule({
      repeat: {
        every: 'week',
        interval: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      },
    });
    expect(describeRecurrence(r)).toBe('Every day, 10:00–12:00');
  });

  it('describes a fortnightly course with its first date and number of times', () => {
    const r = rule({
      startDate: '2027-01-05',
      endTime: '11:30',
      repeat: { every: 'week', interval: 2, days: ['tue'] },
      count: 5,
    });
    expect(describeRecurrence(r)).toBe(
      'Every 2 weeks on Tuesday, 10:00–11:30, from 5 Jan 2027, 5 times',
    );
  });

  it('gives the first real date when the start date is not one of the days', () => {
    const r = rule({
      startDate: '2027-01-06',
      repeat: { every: 'week', interval: 1, days: ['tue'] },
      count: 1,
    });
    expect(describeRecurrence(r)).toBe('Every Tuesday, 10:00–12:00, from 12 Jan 2027, once only');
  });

  it('describes the last or nth weekday of each month', () => {
    const last = rule({
      startTime: '13:00',
      endTime: '15:00',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
    });
    expect(describeRecurrence(last)).toBe('On the last Friday of each month, 13:00–15:00');
    const second = rule({ repeat: { every: 'month', weekday: 'tue', nth: 2 } });
    expect(describeRecurrence(second)).toBe('On the second Tuesday of each month, 10:00–12:00');
  });

  it('describes a one-off session with its full date', () => {
    const r = rule({ startDate: '2027-01-05', endTime: '11:30' });
    expect(describeRecurrence(r)).toBe('Once, on Tuesday 5 January 2027, 10:00–11:30');
  });

  it('adds the end date and the bank holiday rule', () => {
    const r = rule({
      repeat: { every: 'week', interval: 1, days: ['mon'] },
      until: '2027-06-30',
      skipBankHolidays: true,
    });
    expect(describeRecurrence(r)).toBe(
      'Every Monday, 10:00–12:00, until 30 Jun 2027, not on bank holidays',
    );
  });

  it('shows the start date only while it is still ahead of today', () => {
    const r = rule({ repeat: { every: 'week', interval: 1, days: ['mon'] }, until: '2027-06-30' });
    expect(describeRecurrence(r, { today: '2026-12-01' })).toBe(
      'Every Monday, 10:00–12:00, from 4 Jan 2027 until 30 Jun 2027',
    );
    expect(describeRecurrence(r, { today: '2027-02-01' })).toBe(
      'Every Monday, 10:00–12:00, until 30 Jun 2027',
    );
  });
});
