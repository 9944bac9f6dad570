// Every feed read by two independent parsers (Mozilla's ical.js and node-ical), expanded over a
// window spanning both 2027 clock changes, and compared with what /api/occurrences says.

import { OccurrenceListSchema, addDays, type Occurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { makeFixture, openTestDb, testClock } from '../test-support.ts';
import { expectFeedMatchesApi, type Requester } from './feed-conformance.ts';
import { expandWithIcalJs } from './feed-parsers.ts';

const PUBLIC_URL = 'https://fiveways.example.org';
/** Both 2027 clock changes (28 March, 31 October), inside the feeds' window for the test clock. */
const FROM = '2027-03-01';
const TO = '2027-11-22';

/** Session ids of the extra sessions, after the fixture's four. */
const YOGA = 5;
const ONE_OFF_MOVED = 9;
const COURSE = 10;
const SPRING_GAP = 11;
const AUTUMN_TWICE = 12;
const ACROSS_THE_CHANGE = 13;
const SUNDAY_NIGHTS = 14;

function extraSessions() {
  return [
    {
      title: 'Chair yoga, not on bank holidays',
      venue: 'warndon-church-hall',
      ways: ['be-active'],
      startDate: '2027-02-01',
      startTime: '09:30',
      endTime: '10:30',
      repeat: { every: 'week', interval: 1, days: ['mon'] },
      skipBankHolidays: true,
    },
    {
      title: 'Repair Café; bring it, we’ll fix it',
      venue: 'rainbow-hill-hub',
      ways: ['give', 'keep-learning'],
      startDate: '2027-01-29',
      startTime: '14:00',
      endTime: '16:00',
      repeat: { every: 'month', weekday: 'fri', nth: -1 },
      until: '2027-12-31',
      exceptions: [{ date: '2027-10-29', kind: 'cancelled', reason: 'Venue closed' }],
    },
    {
      title: 'Sprechstunde / گپ شپ 😀',
      venue: 'gorse-hill-hub',
      ways: ['connect'],
      startDate: '2027-03-03',
      startTime: '18:00',
      endTime: '19:00',
      repeat: { every: 'week', interval: 2, days: ['wed', 'fri'] },
      exceptions: [
        // Moved to another day and time, across the autumn clock change.
        {
          date: '2027-10-29',
          kind: 'changed',
          newDate: '2027-11-01',
          startTime: '10:00',
          endTime: '11:30',
        },
      ],
    },
    {
      title: 'Open day',
      venue: 'rainbow-hill-hub',
      ways: ['connect', 'take-notice'],
      kind: 'event',
      startDate: '2027-06-12',
      startTime: '11:00',
      endTime: '15:00',
      exceptions: [{ date: '2027-06-12', kind: 'cancelled', reason: 'Bad weather' }],
    },
    {
      title: 'Coffee morning',
      venue: 'gorse-hill-hub',
      ways: ['connect'],
      startDate: '2027-05-04',
      startTime: '10:00',
      endTime: '11:00',
      // A one-off moved two weeks later, to another time and venue.
      exceptions: [
        {
          date: '2027-05-04',
          kind: 'changed',
          newDate: '2027-05-18',
          startTime: '11:00',
          endTime: '12:30',
          venueSlug: 'warndon-church-hall',
        },
      ],
    },
    {
      title: 'Living well: five weeks across the March change',
      venue: 'rainbow-hill-hub',
      ways: ['keep-learning'],
      kind: 'course',
      startDate: '2027-03-11',
      startTime: '18:00',
      endTime: '19:30',
      repeat: { every: 'week', interval: 1, days: ['thu'] },
      count: 5,
      // The third week at another hub.
      exceptions: [{ date: '2027-03-25', kind: 'changed', venueSlug: 'gorse-hill-hub' }],
    },
    {
      title: 'Night shelter: March',
      venue: 'gorse-hill-hub',
      ways: ['give'],
      startDate: '2027-03-28',
      startTime: '01:30',
      endTime: '02:30',
    },
    {
      title: 'Night shelter: October',
      venue: 'gorse-hill-hub',
      ways: ['give'],
      startDate: '2027-10-31',
      startTime: '01:30',
      endTime: '02:30',
    },
    {
      title: 'Late drop-in, every Sunday across both changes',
      venue: 'rainbow-hill-hub',
      ways: ['connect'],
      startDate: '2027-03-07',
      startTime: '00:30',
      endTime: '02:30',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
      until: '2027-11-14',
    },
    {
      title: 'Sunday night outreach, from the March change',
      venue: 'warndon-church-hall',
      ways: ['give'],
      startDate: '2027-03-28',
      startTime: '01:30',
      endTime: '02:30',
      repeat: { every: 'week', interval: 1, days: ['sun'] },
    },
  ];
}

function makeApp(): Requester {
  const fixture = makeFixture();
  const db = openTestDb({ ...fixture, sessions: [...fixture.sessions, ...extraSessions()] });
  const app = createApp({ db, cache: createReadCache(), publicUrl: PUBLIC_URL, clock: testClock });
  return async (path) => app.request(path);
}

async function allOccurrences(request: Requester): Promise<Occurrence[]> {
  const out: Occurrence[] = [];
  for (let from = FROM; from <= TO; from = addDays(from, 93)) {
    const to = addDays(from, 92) < TO ? addDays(from, 92) : TO;
    const res = await request(`/api/occurrences?from=${from}&to=${to}`);
    out.push(...OccurrenceListSchema.parse(await res.json()).occurrences);
  }
  return out;
}

const check = (path: string, query: string) => ({ path, query, from: FROM, to: TO });

describe('feeds read by ical.js and node-ical agree with /api/occurrences', () => {
  it.each([
    ['/feeds/all.ics', ''],
    ['/feeds/ways/connect.ics', '&way=connect'],
    ['/feeds/ways/be-active.ics', '&way=be-active'],
    ['/feeds/ways/give.ics', '&way=give'],
    ['/feeds/groups/walking-for-health.ics', '&group=walking-for-health'],
    [
      '/feeds/all.ics?way=connect&group=walking-for-health',
      '&way=connect&group=walking-for-health',
    ],
    ['/feeds/venues/gorse-hill-hub.ics', '&venue=gorse-hill-hub'],
    ['/feeds/venues/rainbow-hill-hub.ics', '&venue=rainbow-hill-hub'],
    ['/feeds/venues/warndon-church-hall.ics', '&venue=warndon-church-hall'],
    ['/feeds/areas/gorse-hill.ics', '&area=gorse-hill'],
    ['/feeds/areas/rainbow-hill.ics', '&area=rainbow-hill'],
    ['/feeds/areas/warndon.ics', '&area=warndon'],
    ['/feeds/all.ics?way=be-active&area=warndon', '&way=be-active&area=warndon'],
    ['/feeds/all.ics?way=connect&venue=gorse-hill-hub', '&way=connect&venue=gorse-hill-hub'],
  ])('%s', async (path, query) => {
    const request = makeApp();
    expect(await expectFeedMatchesApi(request, check(path, query))).toBeGreaterThan(0);
  });

  it('a session’s own feed matches its occurrences', async () => {
    const request = makeApp();
    for (const id of [1, 3, YOGA, 6, 7, 8, ONE_OFF_MOVED, COURSE, SPRING_GAP, SUNDAY_NIGHTS]) {
      const path = `/feeds/sessions/${id}.ics`;
      const seen = await expectFeedMatchesApi(request, { ...check(path, ''), sessionId: id });
      expect(seen).toBeGreaterThan(0);
    }
  });

  it('covers cancellations, moves, bank holidays and both clock changes', async () => {
    const seen = await allOccurrences(makeApp());
    const of = (id: number) => seen.filter((o) => o.sessionId === id);
    expect(seen.some((o) => o.status === 'cancelled')).toBe(true);
    // 10:00 London is 10:00Z before 28 March, 09:00Z after it, and 10:00Z again from 31 October.
    const walk = of(1).map((o) => new Date(o.start).toISOString());
    expect(walk).toContain('2027-03-23T10:00:00.000Z');
    expect(walk).toContain('2027-03-30T09:00:00.000Z');
    expect(walk).toContain('2027-11-02T10:00:00.000Z');
    const yoga = of(YOGA).map((o) => o.start.slice(0, 10));
    expect(yoga).not.toContain('2027-03-29');
    expect(yoga).not.toContain('2027-05-03');
    expect(of(ONE_OFF_MOVED).map((o) => `${o.start} ${o.venue.slug}`)).toEqual([
      '2027-05-18T11:00:00+01:00 warndon-church-hall',
    ]);
    // The last week of the course is in summer time: every parser must keep it.
    expect(of(COURSE).map((o) => o.start)).toEqual([
      '2027-03-11T18:00:00+00:00',
      '2027-03-18T18:00:00+00:00',
      '2027-03-25T18:00:00+00:00',
      '2027-04-01T18:00:00+01:00',
      '2027-04-08T18:00:00+01:00',
    ]);
    expect(of(SPRING_GAP).map((o) => `${o.start} ${o.end}`)).toEqual([
      '2027-03-28T02:30:00+01:00 2027-03-28T03:30:00+01:00',
    ]);
    expect(of(AUTUMN_TWICE).map((o) => `${o.start} ${o.end}`)).toEqual([
      '2027-10-31T01:30:00+01:00 2027-10-31T01:30:00+00:00',
    ]);
    expect(of(ACROSS_THE_CHANGE).length).toBeGreaterThan(30);
    expect(of(SUNDAY_NIGHTS)[0]?.start).toBe('2027-03-28T02:30:00+01:00');
  });

  it('shows a date moved to another hub there alone, and as moved at home', async () => {
    const request = makeApp();
    const gorse = await (await request('/feeds/venues/gorse-hill-hub.ics')).text();
    const rainbow = await (await request('/feeds/venues/rainbow-hill-hub.ics')).text();
    const span = { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') };
    const course = (ics: string) =>
      expandWithIcalJs(ics, span)
        .filter((o) => o.sessionId === COURSE)
        .map((o) => `${o.start} ${o.status} ${o.summary}`);
    expect(course(gorse)).toEqual([
      '2027-03-25T18:00:00.000Z scheduled Living well: five weeks across the March change',
    ]);
    expect(course(rainbow)).toEqual([
      '2027-03-11T18:00:00.000Z scheduled Living well: five weeks across the March change',
      '2027-03-18T18:00:00.000Z scheduled Living well: five weeks across the March change',
      '2027-03-25T18:00:00.000Z cancelled Moved: Living well: five weeks across the March change',
      '2027-04-01T17:00:00.000Z scheduled Living well: five weeks across the March change',
      '2027-04-08T17:00:00.000Z scheduled Living well: five weeks across the March change',
    ]);
  });
});
