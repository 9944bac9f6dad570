// Random staff edits through the API (new weekly and monthly sessions, courses, one-offs,
// cancellations, moves across dates, times and venues, undos, venue and session edits,
// including times in the clock-change hour), then every feed they touch, read by ical.js and by
// node-ical, must show what /api/occurrences shows for the same filter, over the whole window.

import {
  SessionSchema,
  WEEKDAYS,
  addDays,
  ruleDates,
  type Session,
  type Weekday,
} from '@fiveways/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, type StaffTestApp } from '../test-support.ts';
import { expectFeedMatchesApi } from './feed-conformance.ts';
import { feedWindow } from './feed-window.ts';

const VENUES = [
  ['gorse-hill-hub', 'gorse-hill'],
  ['rainbow-hill-hub', 'rainbow-hill'],
  ['warndon-church-hall', 'warndon'],
] as const;
const venue$ = fc.constantFrom(...VENUES.map(([slug]) => slug));
/** Ordinary times, and times in or across the clock-change hour. */
const time$ = fc.constantFrom(
  '00:30',
  '01:00',
  '01:30',
  '09:30',
  '10:00',
  '14:00',
  '18:30',
  '22:45',
);
const minutes$ = fc.constantFrom(30, 60, 90, 120);
/** Dates in the window (the clock reads 23 November 2026), and the 2027 clock-change Sundays. */
const date$ = fc.oneof(
  fc.integer({ min: -20, max: 330 }).map((d) => addDays('2026-11-30', d)),
  fc.constantFrom('2027-03-28', '2027-10-31', '2027-03-21', '2027-10-24'),
);

function endOf(start: string, minutes: number): string {
  const total = Math.min(
    23 * 60 + 59,
    Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + minutes,
  );
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const when$ = fc.record({ startDate: date$, startTime: time$, minutes: minutes$, venue: venue$ });

const write$ = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    when: when$,
    days: fc.subarray([...WEEKDAYS], { minLength: 1, maxLength: 2 }),
    interval: fc.constantFrom(1, 2),
    // Forever, a course of a few weeks, or until a date.
    bound: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 1, max: 8 }).map((count) => ({ count })),
      fc.integer({ min: 0, max: 200 }).map((days) => ({ days })),
    ),
  }),
  fc.record({
    kind: fc.constant('monthly' as const),
    when: when$,
    weekday: fc.constantFrom<Weekday>(...WEEKDAYS),
    nth: fc.constantFrom(1, 2, 3, 4, -1),
  }),
  fc.record({ kind: fc.constant('one-off' as const), when: when$ }),
  fc.record({ kind: fc.constant('cancel' as const), session: fc.nat(), date: fc.nat() }),
  fc.record({
    kind: fc.constant('move' as const),
    session: fc.nat(),
    date: fc.nat(),
    shift: fc.option(fc.integer({ min: -14, max: 45 })),
    venue: fc.option(venue$),
    time: fc.option(fc.tuple(time$, minutes$)),
  }),
  fc.record({ kind: fc.constant('undo' as const), session: fc.nat(), exception: fc.nat() }),
  fc.record({
    kind: fc.constant('retime' as const),
    session: fc.nat(),
    time: fc.tuple(time$, minutes$),
    venue: fc.option(venue$),
  }),
  fc.record({
    kind: fc.constant('venue' as const),
    venue: venue$,
    address: fc.constantFrom('High Street, Worcester', 'Church Lane; Warndon'),
  }),
);
type Write = typeof write$ extends fc.Arbitrary<infer W> ? W : never;

async function sessionsOf(t: StaffTestApp): Promise<Session[]> {
  const out: Session[] = [];
  for (let id = 1; ; id++) {
    const res = await t.request('GET', `/api/sessions/${id}`);
    if (res.status === 404) return out;
    const session = SessionSchema.parse(await res.json());
    if (session.status === 'active') out.push(session);
  }
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/**
 * node-ical reads an October local time that happens twice as the first in its RRULE expansion
 * but as the second in RECURRENCE-ID, so it cannot match an override of such a date to its
 * instance (ical.js and Python's recurring_ical_events can). Such edits are left out here.
 */
function isNodeIcalAmbiguousId(session: Session, date: string): boolean {
  return date === '2027-10-31' && session.startTime >= '01:00' && session.startTime < '02:00';
}

/** Applies one write through the staff API (or none, when it names nothing to change). */
async function apply(t: StaffTestApp, cookie: string, w: Write, n: number): Promise<void> {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await t.request(method, path, body === undefined ? { cookie } : { cookie, body });
    expect(
      res.status,
      `${method} ${path} ${JSON.stringify(body)}: ${await res.clone().text()}`,
    ).toBeLessThan(300);
  };
  const window = feedWindow(t.clock());
  if (w.kind === 'weekly' || w.kind === 'monthly' || w.kind === 'one-off') {
    const { startDate, startTime, minutes, venue } = w.when;
    const base = {
      title: `Edit ${n}: ${w.kind}`,
      venue,
      ways: n % 2 === 0 ? ['connect'] : ['be-active', 'give'],
      group: n % 3 === 0 ? 'walking-for-health' : null,
      startDate,
      startTime,
      endTime: endOf(startTime, minutes),
    };
    if (w.kind === 'one-off') return send('POST', '/api/sessions', { ...base, repeat: null });
    if (w.kind === 'monthly') {
      return send('POST', '/api/sessions', {
        ...base,
        repeat: { every: 'month', weekday: w.weekday, nth: w.nth },
      });
    }
    const bound =
      w.bound === null
        ? {}
        : 'count' in w.bound
          ? { count: w.bound.count, kind: 'course' }
          : { until: addDays(startDate, w.bound.days) };
    return send('POST', '/api/sessions', {
      ...base,
      ...bound,
      repeat: { every: 'week', interval: w.interval, days: w.days },
    });
  }
  if (w.kind === 'venue') {
    return send('PATCH', `/api/venues/${w.venue}`, { address: w.address });
  }
  const session = pick(await sessionsOf(t), w.session);
  if (session === undefined) return;
  if (w.kind === 'retime') {
    const [startTime, minutes] = w.time;
    const patch = {
      startTime,
      endTime: endOf(startTime, minutes),
      ...(w.venue ? { venue: w.venue } : {}),
    };
    if (session.exceptions.some((e) => isNodeIcalAmbiguousId({ ...session, startTime }, e.date))) {
      return;
    }
    return send('PATCH', `/api/sessions/${session.id}`, patch);
  }
  if (w.kind === 'undo') {
    const ex = pick(session.exceptions, w.exception);
    if (ex === undefined) return;
    const path = ex.kind === 'cancelled' ? 'cancellations' : 'changes';
    return send('DELETE', `/api/sessions/${session.id}/${path}/${ex.date}`);
  }
  const date = pick(ruleDates(session, window.from, window.to), w.date);
  if (date === undefined || isNodeIcalAmbiguousId(session, date)) return;
  if (w.kind === 'cancel') {
    return send('POST', `/api/sessions/${session.id}/cancellations`, {
      date,
      reason: 'Hall closed',
    });
  }
  const change = {
    date,
    newDate: w.shift === null ? null : addDays(date, w.shift),
    startTime: w.time === null ? null : w.time[0],
    endTime: w.time === null ? null : endOf(w.time[0], w.time[1]),
    venue: w.venue,
  };
  if (change.newDate === null && change.startTime === null && change.venue === null) {
    change.venue = VENUES[(date.charCodeAt(9) + session.id) % VENUES.length]?.[0] ?? null;
  }
  return send('POST', `/api/sessions/${session.id}/changes`, change);
}

/** Every feed the sessions can be in: all, each way, venue, area and group, and a combination. */
function feedsOf(sessions: readonly Session[]): [path: string, query: string][] {
  const feeds: [string, string][] = [['/feeds/all.ics', '']];
  for (const way of new Set(sessions.flatMap((s) => s.ways))) {
    feeds.push([`/feeds/ways/${way}.ics`, `&way=${way}`]);
  }
  for (const [venue, area] of VENUES) {
    feeds.push([`/feeds/venues/${venue}.ics`, `&venue=${venue}`]);
    feeds.push([`/feeds/areas/${area}.ics`, `&area=${area}`]);
  }
  feeds.push(['/feeds/groups/walking-for-health.ics', '&group=walking-for-health']);
  feeds.push([
    '/feeds/all.ics?way=connect&venue=gorse-hill-hub',
    '&way=connect&venue=gorse-hill-hub',
  ]);
  return feeds;
}

describe('a one-off moved to another date', () => {
  it('is at its new date, time and venue in every feed and in its own .ics', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    // Community Health Clinic: a one-off at Gorse Hill on 31 October 2027, 09:30 to 12:00.
    const res = await t.request('POST', '/api/sessions/4/changes', {
      cookie: cookies.admin,
      body: {
        date: '2027-10-31',
        newDate: '2027-11-14',
        startTime: '13:00',
        endTime: '15:00',
        venue: 'warndon-church-hall',
      },
    });
    expect(res.status).toBe(201);
    const window = feedWindow(t.clock());
    const request = (path: string) => t.request('GET', path);
    const span = { from: window.from, to: window.to };
    for (const [path, query] of [
      ['/feeds/sessions/4.ics', ''],
      ['/feeds/all.ics', ''],
      ['/feeds/ways/give.ics', '&way=give'],
      ['/feeds/venues/warndon-church-hall.ics', '&venue=warndon-church-hall'],
      ['/feeds/venues/gorse-hill-hub.ics', '&venue=gorse-hill-hub'],
    ] as const) {
      const sessionId = path.startsWith('/feeds/sessions/') ? 4 : undefined;
      await expectFeedMatchesApi(request, { path, query, sessionId, ...span });
    }
    const own = await (await request('/feeds/sessions/4.ics')).text();
    expect(own).toContain('\r\nDTSTART;TZID=Europe/London:20271114T130000\r\n');
    expect(own).toContain('\r\nLOCATION:Warndon Church Hall');
    const usual = await (await request('/feeds/venues/gorse-hill-hub.ics')).text();
    expect(usual).not.toContain('Community Health Clinic');
  });
});

describe('after random staff edits, every feed read by two parsers matches /api/occurrences', () => {
  it('for venues, areas, ways, groups and the whole timetable', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(write$, { minLength: 1, maxLength: 8 }), async (writes) => {
        const t = makeStaffTestApp();
        const { cookies } = await t.createPeople();
        for (const [n, w] of writes.entries()) {
          t.advance(60_000);
          await apply(t, cookies.admin, w, n);
        }
        const window = feedWindow(t.clock());
        const request = (path: string) => t.request('GET', path);
        const sessions = await sessionsOf(t);
        const span = { from: window.from, to: window.to };
        for (const [path, query] of feedsOf(sessions)) {
          checked += await expectFeedMatchesApi(request, { path, query, ...span });
        }
        for (const { id } of sessions) {
          const path = `/feeds/sessions/${id}.ics`;
          checked += await expectFeedMatchesApi(request, {
            path,
            query: '',
            sessionId: id,
            ...span,
          });
        }
      }),
      { numRuns: 15 },
    );
    expect(checked).toBeGreaterThan(1000);
    // Two parsers over a year of every feed, fifteen times: slow on a busy two-core machine.
  }, 180_000);
});
