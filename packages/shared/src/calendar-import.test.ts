import { describe, expect, it } from 'vitest';
import { calendarWarning, CalendarLinkInputSchema } from './calendar-import.ts';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const HEALTHY = {
  failingSince: null,
  lastChangedAt: '2026-11-30T09:00:00.000Z',
  createdAt: '2026-06-01T09:00:00.000Z',
  lastError: null,
};

describe('calendarWarning', () => {
  it('is quiet for a calendar that imports and changes', () => {
    expect(calendarWarning(HEALTHY, NOW)).toBeNull();
    // Failing for two days is not yet worth a warning.
    expect(
      calendarWarning(
        { ...HEALTHY, failingSince: '2026-11-30T09:00:00.000Z', lastError: 'x' },
        NOW,
      ),
    ).toBeNull();
  });

  it('warns after three days of failures, with the error', () => {
    expect(
      calendarWarning(
        {
          ...HEALTHY,
          failingSince: '2026-11-29T09:00:00.000Z',
          lastError: 'The server answered 404',
        },
        NOW,
      ),
    ).toBe('Has not imported since 29 Nov 2026: The server answered 404');
  });

  it('warns when the calendar has not changed for three months (or since it was linked)', () => {
    expect(calendarWarning({ ...HEALTHY, lastChangedAt: '2026-08-01T09:00:00.000Z' }, NOW)).toMatch(
      /^Has not changed since 1 Aug 2026/,
    );
    expect(calendarWarning({ ...HEALTHY, lastChangedAt: null }, NOW)).toMatch(
      /^Has not changed since 1 Jun 2026/,
    );
  });
});

describe('CalendarLinkInputSchema', () => {
  it('needs an address and leaves the venue to the group unless given', () => {
    expect(CalendarLinkInputSchema.parse({ url: ' webcal://x.example/a.ics ' })).toEqual({
      url: 'webcal://x.example/a.ics',
      venue: null,
    });
    const missing = CalendarLinkInputSchema.safeParse({});
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path)).toEqual([['url']]);
  });
});
