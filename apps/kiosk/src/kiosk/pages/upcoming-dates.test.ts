import { nextNotEnded } from '@fiveways/shared/ended';
import { nextOccurrences } from '@fiveways/shared/recurrence';
import type { Recurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { plainRule, writtenAddress } from './upcoming-dates.ts';

// Every Tuesday 10:30 to 11:30 (GMT in winter): only the fields the rule reads matter here.
const session: Recurrence = {
  startDate: '2026-11-03',
  startTime: '10:30',
  endTime: '11:30',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
  until: null,
  count: null,
  skipBankHolidays: false,
  exceptions: [],
};

describe('the dates take-home and print list', () => {
  it('keeps a date that is on now and drops one that has ended', () => {
    const during = Date.parse('2026-12-01T11:00:00Z');
    expect(nextNotEnded(nextOccurrences, session, during, 2).map((o) => o.date)).toEqual([
      '2026-12-01',
      '2026-12-08',
    ]);
    const evening = Date.parse('2026-12-01T21:43:00Z');
    expect(nextNotEnded(nextOccurrences, session, evening, 2).map((o) => o.date)).toEqual([
      '2026-12-08',
      '2026-12-15',
    ]);
  });
});

describe('words on the sheet', () => {
  it('writes an address as a person would type it', () => {
    expect(writtenAddress('https://fiveways.example.org/sessions/7?lang=pl')).toBe(
      'fiveways.example.org/sessions/7?lang=pl',
    );
  });

  it('says a rule\u2019s times in words', () => {
    expect(plainRule('Every Tuesday, 10:30–11:30')).toBe('Every Tuesday, 10:30 to 11:30');
  });
});
