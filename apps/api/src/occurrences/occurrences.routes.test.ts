import { ApiErrorSchema, OccurrenceListSchema, type Occurrence } from '@fiveways/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { createTestApp, getJson, makeFixture, openTestDb, testClock } from '../test-support.ts';

type App = ReturnType<typeof createTestApp>['app'];

async function occurrences(app: App, query: string): Promise<Occurrence[]> {
  const { status, body } = await getJson(app, `/api/occurrences?${query}`);
  expect(status).toBe(200);
  return OccurrenceListSchema.parse(body).occurrences;
}

/** A compact picture of each occurrence: start, title, venue, status. */
function summary(list: Occurrence[]): string[] {
  return list.map((o) => `${o.start} ${o.title} @${o.venue.slug} ${o.status}`);
}

describe('GET /api/occurrences', () => {
  it('returns every field of an occurrence', async () => {
    const { app } = createTestApp();
    const list = await occurrences(app, 'from=2027-03-30&to=2027-03-30');
    expect(list).toEqual([
      {
        sessionId: 1,
        title: 'Walk and Talk',
        date: '2027-03-30',
        start: '2027-03-30T10:00:00+01:00',
        end: '2027-03-30T11:00:00+01:00',
        status: 'scheduled',
        cancelReason: null,
        changed: false,
        venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
        ways: ['be-active', 'connect'],
        kind: 'group',
        booking: 'drop-in',
        free: true,
        audiences: ['adults', 'older-people'],
        group: 'walking-for-health',
      },
    ]);
  });

  it('keeps local times across the spring clock change (28 March 2027), with the right offsets', async () => {
    const { app } = createTestApp();
    expect(summary(await occurrences(app, 'from=2027-03-22&to=2027-04-04'))).toEqual([
      '2027-03-23T10:00:00+00:00 Walk and Talk @rainbow-hill-hub scheduled',
      '2027-03-24T14:00:00+00:00 Time to Talk @rainbow-hill-hub scheduled',
      '2027-03-30T10:00:00+01:00 Walk and Talk @gorse-hill-hub scheduled',
      '2027-03-31T14:00:00+01:00 Time to Talk @rainbow-hill-hub scheduled',
    ]);
  });

  it('keeps local times across the autumn clock change (31 October 2027), with the right offsets', async () => {
    const { app } = createTestApp();
    const list = await occurrences(app, 'from=2027-10-25&to=2027-11-07');
    expect(summary(list)).toEqual([
      '2027-10-26T10:00:00+01:00 Walk and Talk @gorse-hill-hub scheduled',
      '2027-10-27T14:00:00+01:00 Time to Talk @rainbow-hill-hub scheduled',
      '2027-10-28T18:30:00+01:00 Healthy Living @warndon-church-hall scheduled',
      '2027-10-31T09:30:00+00:00 Community Health Clinic @gorse-hill-hub scheduled',
      '2027-11-02T10:00:00+00:00 Walk and Talk @gorse-hill-hub scheduled',
      '2027-11-03T14:00:00+00:00 Time to Talk @rainbow-hill-hub scheduled',
      '2027-11-04T18:30:00+00:00 Healthy Living @warndon-church-hall scheduled',
    ]);
    expect(list[3]?.end).toBe('2027-10-31T12:00:00+00:00');
  });

  it('ends a course after its number of times (empty filters count as absent)', async () => {
    const { app } = createTestApp();
    const list = await occurrences(
      app,
      'from=2027-10-01&to=2027-12-31&way=&group=&venue=warndon-church-hall',
    );
    expect(list.map((o) => o.date)).toEqual([
      '2027-10-21',
      '2027-10-28',
      '2027-11-04',
      '2027-11-11',
      '2027-11-18',
    ]);
  });

  it('shows a cancelled occurrence as cancelled, with its reason', async () => {
    const { app } = createTestApp();
    const list = await occurrences(app, 'from=2027-03-16&to=2027-03-16');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      sessionId: 1,
      date: '2027-03-16',
      status: 'cancelled',
      cancelReason: 'Bad weather',
      changed: false,
    });
  });

  it('shows a moved occurrence at, and only under, the venue and area it moved to', async () => {
    const { app } = createTestApp();
    const window = 'from=2027-03-23&to=2027-03-23';
    const moved = await occurrences(app, window);
    expect(moved[0]).toMatchObject({
      changed: true,
      status: 'scheduled',
      venue: {
        slug: 'rainbow-hill-hub',
        name: 'Rainbow Hill Community Hub',
        areaSlug: 'rainbow-hill',
      },
    });
    expect(await occurrences(app, `${window}&venue=gorse-hill-hub`)).toEqual([]);
    expect(await occurrences(app, `${window}&area=gorse-hill`)).toEqual([]);
    expect(await occurrences(app, `${window}&venue=rainbow-hill-hub`)).toHaveLength(1);
    expect(await occurrences(app, `${window}&area=rainbow-hill`)).toHaveLength(1);
  });

  it('filters by way, group and audience', async () => {
    const { app } = createTestApp();
    const titles = async (filter: string) =>
      new Set(
        (await occurrences(app, `from=2027-10-25&to=2027-11-07&${filter}`)).map((o) => o.title),
      );
    expect(await titles('way=give')).toEqual(new Set(['Community Health Clinic']));
    expect(await titles('way=connect')).toEqual(new Set(['Time to Talk', 'Walk and Talk']));
    expect(await titles('audience=adults')).toEqual(new Set(['Healthy Living', 'Walk and Talk']));
    expect(await titles('group=walking-for-health')).toEqual(new Set(['Walk and Talk']));
    expect(await titles('area=warndon')).toEqual(new Set(['Healthy Living']));
  });

  it('leaves out archived sessions', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE sessions SET status = 'archived' WHERE title = 'Time to Talk'").run();
    const list = await occurrences(app, 'from=2027-03-22&to=2027-04-04');
    expect(list.map((o) => o.title)).toEqual(['Walk and Talk', 'Walk and Talk']);
  });

  it('gives a page as limit and offset, slices of the same sorted list, with the total', async () => {
    const { app } = createTestApp();
    const query = 'from=2027-03-01&to=2027-03-31';
    const whole = OccurrenceListSchema.parse(
      (await getJson(app, `/api/occurrences?${query}`)).body,
    );
    expect(whole.total).toBe(whole.occurrences.length);
    expect(whole.occurrences.length).toBeGreaterThanOrEqual(10);
    const paged: Occurrence[] = [];
    for (let offset = 0; offset < whole.occurrences.length; offset += 7) {
      const { status, body } = await getJson(
        app,
        `/api/occurrences?${query}&limit=7&offset=${offset}`,
      );
      expect(status).toBe(200);
      const page = OccurrenceListSchema.parse(body);
      expect(page.total).toBe(whole.occurrences.length);
      paged.push(...page.occurrences);
    }
    expect(paged).toEqual(whole.occurrences);
  });

  it('sorts by start, then by title', async () => {
    const data = makeFixture();
    data.sessions.push({
      title: 'Art Club',
      venue: 'warndon-church-hall',
      ways: ['keep-learning'],
      startDate: '2027-03-30',
      startTime: '10:00',
      endTime: '12:00',
    } as (typeof data.sessions)[number]);
    data.sessions.push({
      title: 'Early Swim',
      venue: 'warndon-church-hall',
      ways: ['be-active'],
      startDate: '2027-03-30',
      startTime: '09:00',
      endTime: '10:00',
    } as (typeof data.sessions)[number]);
    const { app } = createTestApp({ db: openTestDb(data) });
    const list = await occurrences(app, 'from=2027-03-30&to=2027-03-30');
    expect(list.map((o) => o.title)).toEqual(['Early Swim', 'Art Club', 'Walk and Talk']);
  });

  it('accepts a window of exactly 93 days', async () => {
    const { app } = createTestApp();
    const list = await occurrences(app, 'from=2027-01-01&to=2027-04-03');
    expect(list.length).toBeGreaterThan(13);
  });

  it.each([
    ['from=banana&to=2027-03-30', 'from'],
    ['to=2027-03-30', 'from'],
    ['from=2027-03-30', 'to'],
    ['from=2027-02-30&to=2027-03-30', 'from'],
    ['from=2027-03-30&to=2027-03-29', 'to'],
    ['from=2027-01-01&to=2027-04-04', 'to'],
    ['from=2027-03-01&to=2027-03-30&way=swimming', 'way'],
    ['from=2027-03-01&to=2027-03-30&audience=everyone', 'audience'],
    ['from=2027-03-01&to=2027-03-30&venue=Bad%20Slug', 'venue'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/occurrences?${query}`);
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toContain(field);
    expect(error.message).toContain(field);
  });

  it('caches each answer until the next write invalidates it', async () => {
    const db = openTestDb();
    const cache = createReadCache();
    const app = createApp({ db, clock: testClock, publicUrl: 'http://localhost:8787', cache });
    const query = 'from=2027-03-30&to=2027-03-30';
    expect(await occurrences(app, query)).toHaveLength(1);
    db.prepare("UPDATE sessions SET title = 'Walk and Chat' WHERE id = 1").run();
    expect((await occurrences(app, query))[0]?.title).toBe('Walk and Talk');
    cache.invalidateAll();
    expect((await occurrences(app, query))[0]?.title).toBe('Walk and Chat');
  });
});

describe('GET /api/occurrences under different server time zones', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it('gives byte-identical JSON with TZ=UTC and TZ=America/New_York', async () => {
    const query = '/api/occurrences?from=2027-03-01&to=2027-04-30';
    const autumn = '/api/occurrences?from=2027-10-01&to=2027-11-30';
    const answers: string[] = [];
    for (const zone of ['UTC', 'America/New_York', 'Europe/London']) {
      process.env['TZ'] = zone;
      // Proves the zone really changed for this process.
      expect(new Date(Date.UTC(2027, 0, 1, 12)).getHours()).toBe(
        zone === 'America/New_York' ? 7 : 12,
      );
      const { app } = createTestApp();
      answers.push(
        (await (await app.request(query)).text()) + (await (await app.request(autumn)).text()),
      );
    }
    expect(answers[0]).toContain('2027-03-30T10:00:00+01:00');
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });
});
