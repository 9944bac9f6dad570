import { SessionInputSchema, type Session } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import {
  emptySessionForm,
  previewDates,
  recurrenceOf,
  sentenceOf,
  sessionFormOf,
  sessionInputOf,
  shownWhen,
  withStartDate,
  type SessionForm,
} from './session-form.ts';

function fortnightly(overrides: Partial<SessionForm> = {}): SessionForm {
  return {
    ...emptySessionForm('2027-01-01', 'gorse-hill-hub'),
    title: 'Chair yoga',
    ways: ['be-active'],
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '11:30',
    repeat: 'week',
    interval: '2',
    days: ['tue'],
    ends: 'count',
    count: '5',
    ...overrides,
  };
}

describe('sessionInputOf', () => {
  it('builds a body the contract accepts for a fortnightly session with a count', () => {
    const body = sessionInputOf(fortnightly());
    const parsed = SessionInputSchema.parse(body);
    expect(parsed.repeat).toEqual({ every: 'week', interval: 2, days: ['tue'] });
    expect(parsed.count).toBe(5);
    expect(parsed.until).toBeNull();
    expect(parsed.group).toBeNull();
  });

  it('sends a one-off with no end and no bank-holiday rule, whatever was ticked before', () => {
    const body = sessionInputOf(fortnightly({ repeat: 'once', skipBankHolidays: true }));
    expect(body).toMatchObject({ repeat: null, until: null, count: null, skipBankHolidays: false });
    expect(SessionInputSchema.safeParse(body).success).toBe(true);
  });

  it('passes text that is not a whole number through, so the server names the field', () => {
    const body = sessionInputOf(fortnightly({ count: 'five' }));
    expect(body.count).toBe('five');
    const result = SessionInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['count']);
  });

  it('orders the days Monday first and sends the monthly rule with a number', () => {
    expect(sessionInputOf(fortnightly({ days: ['fri', 'mon'] })).repeat).toEqual({
      every: 'week',
      interval: 2,
      days: ['mon', 'fri'],
    });
    expect(
      sessionInputOf(fortnightly({ repeat: 'month', weekday: 'fri', nth: '-1', ends: 'never' }))
        .repeat,
    ).toEqual({ every: 'month', weekday: 'fri', nth: -1 });
  });
});

describe('recurrence sentence and preview', () => {
  it('says the rule in plain English', () => {
    expect(sentenceOf(recurrenceOf(fortnightly()), '2027-01-01')).toBe(
      'Every 2 weeks on Tuesday, 10:00–11:30, from 5 Jan 2027, 5 times',
    );
  });

  it('waits for a complete rule', () => {
    expect(recurrenceOf(fortnightly({ days: [] }))).toBeNull();
    expect(recurrenceOf(fortnightly({ endTime: '09:00' }))).toBeNull();
    expect(recurrenceOf(fortnightly({ ends: 'until', until: '' }))).toBeNull();
  });

  it('lists the dates and notes the spring clock change at the same local time', () => {
    const r = recurrenceOf(
      fortnightly({ startDate: '2027-03-16', interval: '1', ends: 'never', count: '' }),
    );
    expect(r).not.toBeNull();
    if (r === null) return;
    const dates = previewDates(r, '2027-03-01', 4);
    expect(dates.map((d) => d.occurrence.startDate)).toEqual([
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
    ]);
    expect(dates.map((d) => d.clockNote)).toEqual([
      null,
      null,
      'Clocks go forward 28 Mar — still 10:00 local time',
      null,
    ]);
  });

  it('notes the autumn clock change too', () => {
    const r = recurrenceOf(
      fortnightly({ startDate: '2027-10-26', interval: '1', ends: 'never', count: '' }),
    );
    if (r === null) throw new Error('expected a rule');
    expect(previewDates(r, '2027-10-01', 2)[1]?.clockNote).toBe(
      'Clocks go back 31 Oct — still 10:00 local time',
    );
  });
});

describe('withStartDate', () => {
  it('moves a single day that followed the old date to the new date’s weekday', () => {
    const f = emptySessionForm('2027-01-04', 'gorse-hill-hub');
    expect(f.days).toEqual(['mon']);
    const moved = withStartDate(f, '2027-01-07');
    expect(moved.days).toEqual(['thu']);
    expect(moved.weekday).toBe('thu');
  });

  it('leaves days chosen by hand alone', () => {
    const f = {
      ...emptySessionForm('2027-01-04', 'gorse-hill-hub'),
      days: ['mon' as const, 'wed' as const],
    };
    expect(withStartDate(f, '2027-01-07').days).toEqual(['mon', 'wed']);
  });
});

describe('sessionFormOf', () => {
  it('gives back the same body the session was made from', () => {
    const input = SessionInputSchema.parse(sessionInputOf(fortnightly()));
    const session: Session = {
      ...input,
      id: 7,
      uid: 'session-7@example.org',
      venue: { slug: input.venue, name: 'Gorse Hill Hub', areaSlug: 'gorse-hill' },
      schoolHolidays: [],
      exceptions: [],
      status: 'active',
      sequence: 0,
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(sessionInputOf(sessionFormOf(session))).toEqual(sessionInputOf(fortnightly()));
  });
});

describe('shownWhen', () => {
  it('gives a date as residents see it, the clock-change hour read by the shared rule', () => {
    const at = (startDate: string, startTime: string, endTime: string) => ({
      date: startDate,
      startDate,
      startTime,
      endTime,
      status: 'scheduled' as const,
      reason: null,
      changed: false,
      venueSlug: null,
    });
    expect(shownWhen(at('2027-03-30', '10:00', '11:30'))).toBe(
      'Tuesday 30 March 2027, 10:00–11:30',
    );
    // 01:30 does not exist that night: it is read an hour later and keeps its hour's length.
    expect(shownWhen(at('2027-03-28', '01:30', '02:30'))).toBe('Sunday 28 March 2027, 02:30–03:30');
  });
});
