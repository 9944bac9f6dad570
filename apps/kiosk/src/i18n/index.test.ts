import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { createTranslator } from './index.ts';

describe('English dates, written without Intl', () => {
  const { day, longDay, dateTime } = createTranslator('en', en);

  it('name every day of a year as Intl en-GB does', () => {
    const short = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    const long = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    for (let i = 0; i < 366; i += 1) {
      const date = new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10);
      const utc = new Date(`${date}T00:00:00Z`);
      expect(day(date)).toBe(short.format(utc));
      expect(longDay(date)).toBe(long.format(utc));
    }
  });

  it('stamp an instant in UK time, in summer and in winter', () => {
    expect(dateTime(new Date('2027-06-01T09:42:00Z'))).toBe('Tue 1 June, 10:42');
    expect(dateTime(new Date('2027-12-07T09:05:00Z'))).toBe('Tue 7 December, 09:05');
    // Just after midnight in the UK is still the day before in UTC.
    expect(dateTime(new Date('2027-06-01T23:30:00Z'))).toBe('Wed 2 June, 00:30');
  });
});
