import { describe, expect, it } from 'vitest';
import { dropEnded, hasEnded, hasLocalEnded, nextDateOn, nextNotEnded } from './ended.ts';
import { nextOccurrences } from './recurrence.ts';
import type { Recurrence } from './session.ts';

const at = (iso: string) => Date.parse(iso);

function local(startDate: string, startTime: string, endTime: string) {
  return { startDate, startTime, endTime };
}

describe('hasEnded', () => {
  const walk = { end: '2026-12-01T11:30:00+00:00' };

  it('is false before the end and true from the end instant on', () => {
    expect(hasEnded(walk, at('2026-12-01T11:29:59Z'))).toBe(false);
    expect(hasEnded(walk, at('2026-12-01T11:30:00Z'))).toBe(true);
    expect(hasEnded(walk, at('2026-12-01T21:43:00Z'))).toBe(true);
  });

  it('reads the UK offset: 11:30 BST is 10:30 UTC', () => {
    const summer = { end: '2027-06-01T11:30:00+01:00' };
    expect(hasEnded(summer, at('2027-06-01T10:29:00Z'))).toBe(false);
    expect(hasEnded(summer, at('2027-06-01T10:30:00Z'))).toBe(true);
  });

  it('drops only what has ended, keeping the order', () => {
    const list = [
      { id: 1, end: '2026-12-01T11:30:00+00:00' },
      { id: 2, end: '2026-12-01T17:00:00+00:00' },
      { id: 3, end: '2026-12-02T11:30:00+00:00' },
    ];
    expect(dropEnded(list, at('2026-12-01T16:00:00Z')).map((o) => o.id)).toEqual([2, 3]);
  });
});

describe('hasLocalEnded', () => {
  it('is London time in winter and in summer', () => {
    expect(hasLocalEnded(local('2026-12-01', '10:00', '11:30'), at('2026-12-01T11:29:00Z'))).toBe(
      false,
    );
    expect(hasLocalEnded(local('2026-12-01', '10:00', '11:30'), at('2026-12-01T11:30:00Z'))).toBe(
      true,
    );
    // 11:30 BST is 10:30 UTC.
    expect(hasLocalEnded(local('2027-06-01', '10:00', '11:30'), at('2027-06-01T10:29:00Z'))).toBe(
      false,
    );
    expect(hasLocalEnded(local('2027-06-01', '10:00', '11:30'), at('2027-06-01T10:30:00Z'))).toBe(
      true,
    );
  });

  it('on the spring clock change a 00:30-02:30 session ends at 03:30 BST (02:30 UTC)', () => {
    const night = local('2027-03-28', '00:30', '02:30');
    expect(hasLocalEnded(night, at('2027-03-28T02:29:00Z'))).toBe(false);
    expect(hasLocalEnded(night, at('2027-03-28T02:30:00Z'))).toBe(true);
  });

  it('on the autumn clock change 01:30-02:30 lasts an hour from the first 01:30', () => {
    // 01:30 BST is 00:30 UTC; an hour later is 01:30 UTC (01:30 GMT).
    const night = local('2026-10-25', '01:30', '02:30');
    expect(hasLocalEnded(night, at('2026-10-25T01:29:00Z'))).toBe(false);
    expect(hasLocalEnded(night, at('2026-10-25T01:30:00Z'))).toBe(true);
  });

  it('an afternoon session on a clock-change day ends by that day’s offset', () => {
    expect(hasLocalEnded(local('2027-03-28', '14:00', '15:00'), at('2027-03-28T13:59:00Z'))).toBe(
      false,
    );
    expect(hasLocalEnded(local('2027-03-28', '14:00', '15:00'), at('2027-03-28T14:00:00Z'))).toBe(
      true,
    );
    expect(hasLocalEnded(local('2026-10-25', '14:00', '15:00'), at('2026-10-25T14:59:00Z'))).toBe(
      false,
    );
    expect(hasLocalEnded(local('2026-10-25', '14:00', '15:00'), at('2026-10-25T15:00:00Z'))).toBe(
      true,
    );
  });
});

describe('nextNotEnded', () => {
  const walk: Recurrence = {
    startDate: '2026-11-03',
    startTime: '10:30',
    endTime: '11:30',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: null,
    exceptions: [
      {
        date: '2026-12-08',
        kind: 'cancelled',
        reason: 'Venue closed',
        newDate: null,
        startTime: null,
        endTime: null,
        venueSlug: null,
      },
    ],
    skipBankHolidays: false,
  };

  it('skips today’s date once it is over, and keeps it while it is on', () => {
    // Tuesday 1 December 2026.
    const morning = nextNotEnded(nextOccurrences, walk, at('2026-12-01T11:00:00Z'), 2);
    expect(morning.map((o) => o.date)).toEqual(['2026-12-01', '2026-12-08']);
    const afternoon = nextNotEnded(nextOccurrences, walk, at('2026-12-01T16:00:00Z'), 2);
    expect(afternoon.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-15']);
  });

  it('finds the next date that is on, past a cancelled one', () => {
    const dates = nextNotEnded(nextOccurrences, walk, at('2026-12-01T16:00:00Z'), 4);
    expect(nextDateOn(dates)?.date).toBe('2026-12-15');
  });
});
