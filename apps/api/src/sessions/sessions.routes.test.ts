import { ApiErrorSchema, SessionSchema, type Session } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createTestApp,
  dumpTables,
  getJson,
  makeStaffTestApp,
  VENUE_A,
  VENUE_B,
} from '../test-support.ts';

const SessionListSchema = z.object({ items: z.array(SessionSchema), total: z.number() });

const weekly = {
  title: 'Chair yoga',
  venue: VENUE_A,
  ways: ['be-active'],
  startDate: '2027-03-02',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 2, days: ['tue'] },
};

async function setUp() {
  const t = makeStaffTestApp();
  const { cookies, ids } = await t.createPeople();
  const create = async (body: unknown = weekly, cookie = cookies.staffA) => {
    const res = await t.request('POST', '/api/sessions', { cookie, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return SessionSchema.parse(await res.json());
  };
  return { t, cookies, ids, create };
}

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

describe('GET /api/sessions/:id', () => {
  it('returns the whole session with its venue and exceptions', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/sessions/1');
    expect(status).toBe(200);
    expect(SessionSchema.parse(body)).toEqual({
      id: 1,
      uid: 'fiveways-worcester-session-1',
      title: 'Walk and Talk',
      venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Community Hub', areaSlug: 'gorse-hill' },
      ways: ['be-active', 'connect'],
      startDate: '2027-03-02',
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
      audiences: ['adults', 'older-people'],
      description: '',
      whatToExpect: '',
      accessibility: '',
      contact: { name: '', phone: '', email: '', website: '' },
      group: 'walking-for-health',
      translations: {},
      exceptions: [
        {
          date: '2027-03-16',
          kind: 'cancelled',
          reason: 'Bad weather',
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: null,
        },
        {
          date: '2027-03-23',
          kind: 'changed',
          reason: '',
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: 'rainbow-hill-hub',
        },
      ],
      status: 'active',
      sequence: 0,
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('still returns an archived session, marked archived', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE sessions SET status = 'archived' WHERE id = 2").run();
    const { status, body } = await getJson(app, '/api/sessions/2');
    expect(status).toBe(200);
    expect(SessionSchema.parse(body).status).toBe('archived');
  });

  it.each(['abc', '0', '-1', '1.5', '1e3'])('rejects the id %s naming it', async (id) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/sessions/${id}`);
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toEqual(['id']);
  });

  it.each(['999', '99999999999999999999'])('answers 404 for the unknown id %s', async (id) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/sessions/${id}`);
    expect(status).toBe(404);
    expect(ApiErrorSchema.parse(body).error.code).toBe('not_found');
  });
});

describe('GET /api/sessions', () => {
  it('lists active sessions by title as {items, total}', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE sessions SET status = 'archived' WHERE id = 2").run();
    const list = SessionListSchema.parse((await getJson(app, '/api/sessions')).body);
    expect(list.items.map((s) => s.title)).toEqual([
      'Community Health Clinic',
      'Healthy Living',
      'Walk and Talk',
    ]);
    expect(list.total).toBe(3);
    expect(list.items.find((s) => s.id === 1)?.exceptions).toHaveLength(2);
  });

  it('filters by venue, group and way', async () => {
    const { app } = createTestApp();
    const ids = async (query: string) =>
      SessionListSchema.parse((await getJson(app, `/api/sessions${query}`)).body).items.map(
        (s) => s.id,
      );
    expect(await ids('?venue=gorse-hill-hub')).toEqual([4, 1]);
    expect(await ids('?group=walking-for-health')).toEqual([1]);
    expect(await ids('?way=connect')).toEqual([2, 1]);
    expect(await ids('?way=connect&venue=rainbow-hill-hub')).toEqual([2]);
  });

  it('rejects an unknown way naming it', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/sessions?way=dance');
    expect(status).toBe(400);
    expect(ApiErrorSchema.parse(body).error.issues[0]?.path).toBe('way');
  });
});

describe('publishing a session', () => {
  it('answers 201 with the whole session, shown at once by the public read API', async () => {
    const { t, create } = await setUp();
    const version = t.cache.version();
    const session = await create();
    expect(session).toMatchObject({
      title: 'Chair yoga',
      venue: { slug: VENUE_A, name: 'Gorse Hill Community Hub' },
      kind: 'group',
      status: 'active',
      sequence: 0,
      updatedAt: '2026-11-23T10:00:00.000Z',
      uid: `fiveways-worcester-session-${session.id}`,
    });
    expect(t.cache.version()).toBeGreaterThan(version);
    const read = await t.request('GET', `/api/sessions/${session.id}`);
    expect(await read.json()).toEqual(session);
    const occurrences = await t.request(
      'GET',
      '/api/occurrences?from=2027-03-01&to=2027-03-31&venue=gorse-hill-hub',
    );
    const starts = (
      (await occurrences.json()) as { occurrences: { title: string; start: string }[] }
    ).occurrences
      .filter((o) => o.title === 'Chair yoga')
      .map((o) => o.start);
    // Every other Tuesday, at 10:00 London time on both sides of the clock change.
    expect(starts).toEqual([
      '2027-03-02T10:00:00+00:00',
      '2027-03-16T10:00:00+00:00',
      '2027-03-30T10:00:00+01:00',
    ]);
  });

  it('names an unknown venue or group with a 400, not a server error', async () => {
    const { t, cookies } = await setUp();
    const before = dumpTables(t.db);
    for (const [body, path] of [
      [{ ...weekly, venue: 'no-such-hall' }, 'venue'],
      [{ ...weekly, group: 'no-such-group' }, 'group'],
    ] as const) {
      const res = await t.request('POST', '/api/sessions', { cookie: cookies.admin, body });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).issues[0]?.path).toBe(path);
    }
    expect(dumpTables(t.db)).toBe(before);
  });

  it('refuses hostile input with 400s naming the field, and changes nothing', async () => {
    const { t, cookies } = await setUp();
    const before = dumpTables(t.db);
    const cases: [unknown, string][] = [
      [{ ...weekly, title: 42 }, 'title'],
      [{ ...weekly, ways: 'connect' }, 'ways'],
      [{ ...weekly, startDate: '2027-02-30' }, 'startDate'],
      [{ ...weekly, endTime: '09:00' }, 'endTime'],
      [{ ...weekly, title: 'x'.repeat(10_000) }, 'title'],
      [{ ...weekly, description: 'bad\u0000byte' }, 'description'],
      [{ ...weekly, isAdmin: true }, 'isAdmin'],
      [{ ...weekly, repeat: { every: 'fortnight' } }, 'repeat.every'],
      [[weekly], ''],
      ['just a string', ''],
      [null, ''],
    ];
    for (const [body, path] of cases) {
      const res = await t.request('POST', '/api/sessions', { cookie: cookies.admin, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_request');
      if (path !== '') expect(error.issues.map((i) => i.path)).toContain(path);
    }
    const notJson = await t.request('POST', '/api/sessions', {
      cookie: cookies.admin,
      rawBody: '{title',
    });
    expect(notJson.status).toBe(400);
    expect(dumpTables(t.db)).toBe(before);
  });

  it('stores markup verbatim and returns it as JSON text', async () => {
    const { create, t } = await setUp();
    const title = '<img src=x onerror=alert(1)>';
    const session = await create({ ...weekly, title, description: '<script>alert(1)</script>' });
    expect(session.title).toBe(title);
    const res = await t.request('GET', `/api/sessions/${session.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as Session).title).toBe(title);
  });
});

describe('changing a session', () => {
  it('raises the sequence for a time, rule or venue change, not for a description', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create(weekly, cookies.admin);
    const patch = async (body: unknown) => {
      t.advance(60_000);
      const res = await t.request('PATCH', `/api/sessions/${session.id}`, {
        cookie: cookies.admin,
        body,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return SessionSchema.parse(await res.json());
    };
    const described = await patch({ description: 'Gentle exercise, sitting down' });
    expect(described.sequence).toBe(0);
    expect(described.updatedAt).toBe('2026-11-23T10:01:00.000Z');
    expect(described.kind).toBe('group');
    expect(described.repeat).toEqual(weekly.repeat);
    expect((await patch({ startTime: '10:30' })).sequence).toBe(1);
    expect(
      (await patch({ repeat: { every: 'week', interval: 1, days: ['tue', 'thu'] } })).sequence,
    ).toBe(2);
    expect((await patch({ venue: VENUE_B })).sequence).toBe(3);
    const titled = await patch({ title: 'Seated yoga' });
    expect(titled.sequence).toBe(3);
    expect(titled).toMatchObject({
      title: 'Seated yoga',
      startTime: '10:30',
      venue: { slug: VENUE_B },
    });
  });

  it('checks the merged session as a whole', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    const res = await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { endTime: '09:30' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues[0]).toEqual({
      path: 'endTime',
      message: 'The end time must be after the start time',
    });
    const unknown = await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { sequence: 99 },
    });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).issues[0]?.path).toBe('sequence');
  });

  it('archives on DELETE, raising the sequence, and the session leaves the public list', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    const res = await t.request('DELETE', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
    });
    expect(res.status).toBe(204);
    const after = SessionSchema.parse(
      await (await t.request('GET', `/api/sessions/${session.id}`)).json(),
    );
    expect(after).toMatchObject({ status: 'archived', sequence: 1 });
    const list = (await (await t.request('GET', '/api/sessions')).json()) as { items: Session[] };
    expect(list.items.map((s) => s.id)).not.toContain(session.id);
  });

  it('answers 404 for a session that does not exist', async () => {
    const { t, cookies } = await setUp();
    for (const path of ['/api/sessions/9999', '/api/sessions/abc', '/api/sessions/1e3']) {
      expect(
        (await t.request('PATCH', path, { cookie: cookies.admin, body: { title: 'x' } })).status,
      ).toBe(404);
    }
  });
});

describe("a session's group", () => {
  it("may be one that meets at the staff member's venue, not another venue's or a venue-less one", async () => {
    const { t, cookies, create } = await setUp();
    const before = dumpTables(t.db);
    // Knit and Natter meets at the church hall, which staff A does not look after.
    const intoOther = await t.request('POST', '/api/sessions', {
      cookie: cookies.staffA,
      body: { ...weekly, group: 'knit-and-natter' },
    });
    expect(intoOther.status).toBe(403);
    expect(dumpTables(t.db)).toBe(before);

    const mine = await create();
    for (const group of ['knit-and-natter', 'young-makers']) {
      const res = await t.request('PATCH', `/api/sessions/${mine.id}`, {
        cookie: cookies.staffA,
        body: { group },
      });
      expect(res.status, group).toBe(403);
    }
    const listed = await getJson(t.app, '/api/sessions?group=knit-and-natter');
    expect(listed.body).toMatchObject({ total: 0 });

    const ours = await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: { slug: 'hub-crafts', name: 'Hub Crafts', ways: ['keep-learning'], venueSlug: VENUE_A },
    });
    expect(ours.status).toBe(201);
    const joined = await t.request('PATCH', `/api/sessions/${mine.id}`, {
      cookie: cookies.staffA,
      body: { group: 'hub-crafts' },
    });
    expect(joined.status).toBe(200);
    const byAdmin = await t.request('PATCH', `/api/sessions/${mine.id}`, {
      cookie: cookies.admin,
      body: { group: 'knit-and-natter' },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('is left alone when it was already there: staff still edit a session an admin put in a group', async () => {
    const { t, cookies } = await setUp();
    // Walk and Talk, at venue A, is in Walking for Health, which meets at no venue.
    const res = await t.request('PATCH', '/api/sessions/1', {
      cookie: cookies.staffA,
      body: { title: 'Walk and Talk (longer route)' },
    });
    expect(res.status).toBe(200);
    expect(SessionSchema.parse(await res.json()).group).toBe('walking-for-health');
  });
});

describe('cancelling and moving one occurrence', () => {
  it('cancels a real date, raising the sequence, and the occurrence shows as cancelled', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    const res = await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', reason: 'Venue closed' },
    });
    expect(res.status).toBe(201);
    const after = SessionSchema.parse(await res.json());
    expect(after.sequence).toBe(1);
    expect(after.exceptions).toEqual([
      expect.objectContaining({ date: '2027-03-16', kind: 'cancelled', reason: 'Venue closed' }),
    ]);
    const occ = (await (
      await t.request('GET', '/api/occurrences?from=2027-03-16&to=2027-03-16&venue=gorse-hill-hub')
    ).json()) as { occurrences: { sessionId: number; status: string }[] };
    expect(occ.occurrences.find((o) => o.sessionId === session.id)?.status).toBe('cancelled');

    const undo = await t.request('DELETE', `/api/sessions/${session.id}/cancellations/2027-03-16`, {
      cookie: cookies.staffA,
    });
    expect(undo.status).toBe(200);
    expect(SessionSchema.parse(await undo.json())).toMatchObject({ exceptions: [], sequence: 2 });
    const again = await t.request(
      'DELETE',
      `/api/sessions/${session.id}/cancellations/2027-03-16`,
      {
        cookie: cookies.staffA,
      },
    );
    expect(again.status).toBe(404);
  });

  it('refuses a date the session does not happen on with a 400 naming date', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    const before = dumpTables(t.db);
    // 2027-03-09 is a Tuesday, but this session runs every other week.
    for (const date of ['2027-03-09', '2027-03-03', '2027-02-23']) {
      const res = await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
        cookie: cookies.staffA,
        body: { date, reason: 'Bad weather' },
      });
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.issues[0]?.path).toBe('date');
      expect(error.message).toContain(date);
    }
    const noReason = await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', reason: '   ' },
    });
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).issues[0]?.path).toBe('reason');
    expect(dumpTables(t.db)).toBe(before);
  });

  it('moves one occurrence to a new time, checking the times and the venue', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    const url = `/api/sessions/${session.id}/changes`;
    const bad = await t.request('POST', url, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', startTime: '12:00' },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues[0]?.path).toBe('endTime');
    const nothing = await t.request('POST', url, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16' },
    });
    expect(nothing.status).toBe(400);
    const noVenue = await t.request('POST', url, {
      cookie: cookies.admin,
      body: { date: '2027-03-16', venue: 'no-such-hall' },
    });
    expect(noVenue.status).toBe(400);
    expect((await errorOf(noVenue)).issues[0]?.path).toBe('venue');

    const moved = await t.request('POST', url, {
      cookie: cookies.staffA,
      body: {
        date: '2027-03-16',
        newDate: '2027-03-17',
        startTime: '14:00',
        endTime: '15:00',
        reason: 'Hall booked',
      },
    });
    expect(moved.status).toBe(201);
    const after = SessionSchema.parse(await moved.json());
    expect(after.sequence).toBe(1);
    expect(after.exceptions[0]).toEqual({
      date: '2027-03-16',
      kind: 'changed',
      reason: 'Hall booked',
      newDate: '2027-03-17',
      startTime: '14:00',
      endTime: '15:00',
      venueSlug: null,
    });
  });

  it('refuses to cancel an occurrence of an archived session', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    await t.request('DELETE', `/api/sessions/${session.id}`, { cookie: cookies.staffA });
    const res = await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', reason: 'Venue closed' },
    });
    expect(res.status).toBe(409);
  });
});
