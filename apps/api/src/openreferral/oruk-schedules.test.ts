import { describe, expect, it } from 'vitest';
import { sessionSchedules, type ScheduleSource } from './oruk-schedules.ts';

const ctx = {
  today: '2027-01-04',
  horizonDays: 366,
  idOf: (...key: string[]) => key.join('/'),
  link: 'https://fiveways.example.org/sessions/1',
};

function source(fields: Partial<ScheduleSource>): ScheduleSource {
  return {
    title: 'Craft and Chat',
    venueSlug: 'hub',
    startDate: '2026-09-07',
    startTime: '10:00',
    endTime: '12:00',
    repeat: { every: 'week', interval: 1, days: ['mon'] },
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
    ...fields,
  };
}

describe('sessionSchedules', () => {
  it('cuts a weekly session at each clock change, with the offset of each stretch', () => {
    const out = sessionSchedules(source({}), ctx).map((p) => p.schedule);
    expect(out.map((s) => [s.valid_from, s.valid_to, s.opens_at, s.closes_at])).toEqual([
      ['2026-10-25', '2027-03-27', '10:00Z', '12:00Z'],
      ['2027-03-28', '2027-10-30', '10:00+01:00', '12:00+01:00'],
      ['2027-10-31', '2028-01-05', '10:00Z', '12:00Z'],
    ]);
    expect(out[0]).toMatchObject({
      dtstart: '2026-09-07',
      freq: 'WEEKLY',
      interval: 1,
      byday: 'MO',
      description: 'Craft and Chat: Every Monday, 10:00–12:00',
    });
  });

  it('ends a course with valid_to on its last date, counted or dated', () => {
    const counted = sessionSchedules(
      source({
        startDate: '2027-01-11',
        count: 5,
        repeat: { every: 'week', interval: 2, days: ['tue'] },
      }),
      ctx,
    ).map((p) => p.schedule);
    expect(counted.map((s) => [s.valid_from, s.valid_to, s.interval, s.byday])).toEqual([
      ['2027-01-11', '2027-03-09', 2, 'TU'],
    ]);
    const dated = sessionSchedules(source({ until: '2027-05-01' }), ctx).map((p) => p.schedule);
    // The last Monday on or before the end date.
    expect(dated.map((s) => s.valid_to)).toEqual(['2027-03-27', '2027-04-26']);
  });

  it('gives a one-off one day, and nothing once it is past', () => {
    const once = sessionSchedules(source({ startDate: '2027-07-14', repeat: null }), ctx);
    expect(once.map((p) => p.schedule)).toEqual([
      expect.objectContaining({
        valid_from: '2027-07-14',
        valid_to: '2027-07-14',
        dtstart: '2027-07-14',
        freq: 'WEEKLY',
        byday: 'WE',
        opens_at: '10:00+01:00',
      }),
    ]);
    expect(sessionSchedules(source({ startDate: '2026-12-01', repeat: null }), ctx)).toEqual([]);
  });

  it('lists cancellations and skipped bank holidays in notes, and a moved date as its own day', () => {
    const out = sessionSchedules(
      source({
        skipBankHolidays: true,
        exceptions: [
          {
            date: '2027-02-08',
            kind: 'cancelled',
            reason: 'Hall closed',
            newDate: null,
            startTime: null,
            endTime: null,
            venueSlug: null,
          },
          {
            date: '2027-02-15',
            kind: 'changed',
            reason: '',
            newDate: '2027-02-16',
            startTime: '13:00',
            endTime: '14:00',
            venueSlug: 'library',
          },
        ],
      }),
      ctx,
    );
    const winter = out[0]?.schedule;
    expect(winter?.notes).toBe(
      'Not on bank holidays: Monday 28 December 2026. Cancelled on Monday 8 February 2027 (Hall closed). Monday 15 February 2027 is moved to Tuesday 16 February 2027.',
    );
    expect(out[1]?.schedule.notes).toContain(
      'Not on bank holidays: Monday 29 March 2027, Monday 3 May 2027',
    );
    const moved = out.find((p) => p.venueSlug === 'library');
    expect(moved?.schedule).toMatchObject({
      valid_from: '2027-02-16',
      valid_to: '2027-02-16',
      byday: 'TU',
      opens_at: '13:00Z',
      closes_at: '14:00Z',
      notes: 'In place of Monday 15 February 2027.',
    });
  });

  it('writes a monthly rule as MONTHLY with the week in byday', () => {
    const out = sessionSchedules(
      source({ repeat: { every: 'month', weekday: 'fri', nth: -1 } }),
      ctx,
    ).map((p) => p.schedule);
    expect(out[0]).toMatchObject({ freq: 'MONTHLY', interval: 1, byday: '-1FR' });
  });
});
