import type { Recurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { findClockChangeWarnings } from './clock-change.ts';

function rule(fields: Partial<Recurrence>): Recurrence {
  return {
    startDate: '2027-01-03',
    startTime: '01:30',
    endTime: '02:30',
    repeat: { every: 'week', interval: 1, days: ['sun'] },
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
    ...fields,
  };
}

describe('findClockChangeWarnings', () => {
  it('warns, in plain words, for each date of a rule that meets the hour', () => {
    const warnings = findClockChangeWarnings(rule({ until: '2027-12-31' }), '2027-01-01');
    expect(warnings.map((w) => [w.date, w.change])).toEqual([
      ['2027-03-28', 'spring'],
      ['2027-10-31', 'autumn'],
    ]);
    expect(warnings[0]?.message).toBe(
      'On Sunday 28 March 2027 the clocks go forward at 1am: 01:00 to 01:59 does not happen that night. A time in that hour is moved an hour later, and the session keeps its length. Choose another time if you can.',
    );
    expect(warnings[1]?.message).toMatch(/^On Sunday 31 October 2027 the clocks go back at 2am/);
  });

  it('warns for a one-off on the day, and not for a weekday session or a cancelled date', () => {
    const oneOff = rule({
      repeat: null,
      startDate: '2027-10-31',
      startTime: '00:30',
      endTime: '01:30',
    });
    expect(findClockChangeWarnings(oneOff, '2027-01-01')).toHaveLength(1);
    expect(
      findClockChangeWarnings(
        rule({ repeat: { every: 'week', interval: 1, days: ['mon'] } }),
        '2027-01-01',
      ),
    ).toEqual([]);
    const cancelled = rule({
      until: '2027-06-30',
      exceptions: [
        {
          date: '2027-03-28',
          kind: 'cancelled',
          reason: '',
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: null,
        },
      ],
    });
    expect(findClockChangeWarnings(cancelled, '2027-01-01')).toEqual([]);
  });

  it('looks only from today on', () => {
    const warnings = findClockChangeWarnings(rule({}), '2027-04-01');
    expect(warnings[0]?.date).toBe('2027-10-31');
  });
});
