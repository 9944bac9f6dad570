import { describe, expect, it } from 'vitest';
import { buildOccurrences, occurrenceSpan } from './build-occurrences.ts';
import { nextOccurrences } from './recurrence.ts';
import type { OccurrenceException, Session } from './session.ts';

const VENUES = [
  { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
  { slug: 'rainbow-hill-hub', name: 'Rainbow Hill Community Hub', areaSlug: 'rainbow-hill' },
];

function session(overrides: Partial<Session> & { id: number }): Session {
  return {
    uid: `fiveways-worcester-session-${overrides.id}`,
    title: 'Chair yoga',
    venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
    ways: ['be-active'],
    startDate: '2027-03-01',
    startTime: '10:00',
    endTime: '11:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: null,
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    schoolHolidays: [],
    kind: 'group',
    booking: 'drop-in',
    bookingInfo: '',
    cost: { free: true, text: '' },
    audiences: ['older-people'],
    description: '',
    whatToExpect: '',
    accessibility: '',
    contact: { name: '', phone: '', email: '', website: '' },
    group: null,
    exceptions: [],
    status: 'active',
    sequence: 0,
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function exception(
  overrides: Partial<OccurrenceException> & { date: string },
): OccurrenceException {
  return {
    kind: 'changed',
    reason: '',
    newDate: null,
    startTime: null,
    endTime: null,
    venueSlug: null,
    ...overrides,
  };
}

const WEEK = { from: '2027-03-08', to: '2027-03-14' };

describe('buildOccurrences', () => {
  it('lists a scheduled occurrence with its instants in UK time and no reason', () => {
    expect(buildOccurrences([session({ id: 1 })], VENUES, WEEK)).toEqual([
      {
        sessionId: 1,
        title: 'Chair yoga',
        date: '2027-03-09',
        start: '2027-03-09T10:00:00+00:00',
        end: '2027-03-09T11:00:00+00:00',
        status: 'scheduled',
        cancelReason: null,
        changed: false,
        venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
        ways: ['be-active'],
        kind: 'group',
        booking: 'drop-in',
        free: true,
        audiences: ['older-people'],
        group: null,
      },
    ]);
  });

  it('gives a cancelled occurrence its reason, or an empty one', () => {
    const [withReason, without] = ['Venue closed', ''].map(
      (reason) =>
        buildOccurrences(
          [
            session({
              id: 1,
              exceptions: [exception({ date: '2027-03-09', kind: 'cancelled', reason })],
            }),
          ],
          VENUES,
          WEEK,
        )[0],
    );
    expect(withReason).toMatchObject({ status: 'cancelled', cancelReason: 'Venue closed' });
    expect(without).toMatchObject({ status: 'cancelled', cancelReason: '' });
  });

  it('shows a moved occurrence where and when it moved to, with no cancel reason', () => {
    const moved = session({
      id: 1,
      exceptions: [
        exception({
          date: '2027-03-09',
          newDate: '2027-03-10',
          startTime: '14:00',
          endTime: '15:30',
          venueSlug: 'rainbow-hill-hub',
          reason: 'Hall booked',
        }),
      ],
    });
    const [o] = buildOccurrences([moved], VENUES, WEEK);
    expect(o).toMatchObject({
      date: '2027-03-09',
      start: '2027-03-10T14:00:00+00:00',
      end: '2027-03-10T15:30:00+00:00',
      status: 'scheduled',
      cancelReason: null,
      changed: true,
      venue: { slug: 'rainbow-hill-hub', name: 'Rainbow Hill Community Hub' },
    });
    // Filtered by the venue and area it moved to, not the session's own.
    expect(buildOccurrences([moved], VENUES, { ...WEEK, venue: 'rainbow-hill-hub' })).toHaveLength(
      1,
    );
    expect(buildOccurrences([moved], VENUES, { ...WEEK, venue: 'gorse-hill-hub' })).toEqual([]);
    expect(buildOccurrences([moved], VENUES, { ...WEEK, area: 'rainbow-hill' })).toHaveLength(1);
  });

  it('brings in an occurrence moved into the window from outside it', () => {
    const moved = session({
      id: 1,
      exceptions: [exception({ date: '2027-03-02', newDate: '2027-03-12' })],
    });
    expect(buildOccurrences([moved], VENUES, WEEK).map((o) => [o.date, o.start])).toEqual([
      ['2027-03-09', '2027-03-09T10:00:00+00:00'],
      ['2027-03-02', '2027-03-12T10:00:00+00:00'],
    ]);
  });

  it('sorts by start, then title, then session id', () => {
    const sessions = [
      session({ id: 4, title: 'Walk', startTime: '09:00' }),
      session({ id: 3, title: 'Knit and natter' }),
      session({ id: 2, title: 'Chair yoga' }),
      session({ id: 1, title: 'Knit and natter' }),
    ];
    expect(buildOccurrences(sessions, VENUES, WEEK).map((o) => o.sessionId)).toEqual([4, 2, 1, 3]);
  });

  it('leaves out archived sessions and honours the way, group and audience filters', () => {
    const sessions = [
      session({ id: 1, status: 'archived' }),
      session({ id: 2, ways: ['connect'], group: 'knit-and-natter', audiences: [] }),
      session({ id: 3 }),
    ];
    const ids = (filter: object) =>
      buildOccurrences(sessions, VENUES, { ...WEEK, ...filter }).map((o) => o.sessionId);
    expect(ids({})).toEqual([2, 3]);
    expect(ids({ way: 'connect' })).toEqual([2]);
    expect(ids({ group: 'knit-and-natter' })).toEqual([2]);
    expect(ids({ audience: 'older-people' })).toEqual([3]);
  });
});

describe('occurrenceSpan', () => {
  it('is how the builder reads every occurrence, so next dates show the times the API gives', () => {
    // Sundays at 01:30, through both clock changes of 2027, with one date moved into the gap.
    const sunday = session({
      id: 9,
      startDate: '2027-03-07',
      startTime: '01:30',
      endTime: '02:30',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
      exceptions: [exception({ date: '2027-04-04', newDate: '2027-10-31', startTime: '00:45' })],
    });
    const built = buildOccurrences([sunday], VENUES, { from: '2027-03-07', to: '2027-06-04' });
    const autumn = buildOccurrences([sunday], VENUES, { from: '2027-10-01', to: '2027-11-30' });
    const local = nextOccurrences(sunday, '2027-03-07', 500);
    for (const o of [...built, ...autumn]) {
      const same = local.find((l) => l.date === o.date);
      if (same === undefined) throw new Error(`no local occurrence for ${o.date}`);
      const span = occurrenceSpan(same);
      expect({ start: o.start, end: o.end }, o.date).toEqual({ start: span.start, end: span.end });
    }
    expect(built.some((o) => o.date === '2027-03-28')).toBe(true);
    expect(autumn.some((o) => o.date === '2027-04-04')).toBe(true);
  });
});
