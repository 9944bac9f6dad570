import { AuditListSchema, SessionSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A, VENUE_B } from '../test-support.ts';

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
  const create = async () => {
    const res = await t.request('POST', '/api/sessions', { cookie: cookies.staffA, body: weekly });
    expect(res.status, await res.clone().text()).toBe(201);
    return SessionSchema.parse(await res.json());
  };
  return { t, cookies, ids, create };
}

describe('the audit log', () => {
  it('records who changed what, with before and after, newest first', async () => {
    const { t, cookies, ids, create } = await setUp();
    const session = await create();
    t.advance(1000);
    await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { title: 'Seated yoga' },
    });
    t.advance(1000);
    await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', reason: 'Venue closed' },
    });
    const res = await t.request('GET', '/api/audit?limit=2', { cookie: cookies.admin });
    expect(res.status).toBe(200);
    const page = AuditListSchema.parse(await res.json());
    expect(page.items.map((e) => e.action)).toEqual([
      'session.cancel-occurrence',
      'session.update',
    ]);
    const update = page.items[1];
    expect(update).toMatchObject({
      at: '2026-11-23T10:00:01.000Z',
      user: { id: ids.staffA, email: 'a@example.org' },
      entity: 'session',
      entityId: String(session.id),
      before: { title: 'Chair yoga' },
      after: { title: 'Seated yoga' },
    });
    expect(page.nextBefore).toBe(update?.id);
    const older = AuditListSchema.parse(
      await (
        await t.request('GET', `/api/audit?limit=2&before=${page.nextBefore}`, {
          cookie: cookies.admin,
        })
      ).json(),
    );
    expect(older.items.map((e) => e.action)).toEqual(['session.create']);
    expect(older.items[0]?.before).toBeNull();
    expect(older.nextBefore).toBeNull();
    expect((await t.request('GET', '/api/audit?limit=0', { cookie: cookies.admin })).status).toBe(
      400,
    );
  });

  it('says who, what, which date and why, for a reader', async () => {
    const { t, cookies, ids, create } = await setUp();
    const session = await create();
    t.advance(1000);
    await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
      cookie: cookies.staffA,
      body: { date: '2027-03-16', reason: 'Staff unavailable' },
    });
    const res = await t.request('GET', '/api/audit?limit=1', { cookie: cookies.admin });
    const [entry] = AuditListSchema.parse(await res.json()).items;
    expect(entry).toMatchObject({
      kind: 'session.cancel-occurrence',
      actor: {
        id: ids.staffA,
        role: 'staff',
        venues: [{ slug: VENUE_A, name: 'Gorse Hill Community Hub' }],
      },
      record: { title: 'Chair yoga', venue: { slug: VENUE_A, name: 'Gorse Hill Community Hub' } },
      occurrence: { date: '2027-03-16', reason: 'Staff unavailable', newDate: null, venue: null },
    });
    expect(entry?.changed).toEqual(expect.arrayContaining(['exceptions', 'sequence']));
  });

  it('filters by venue, person and kind, and pages with the filters on', async () => {
    const { t, cookies, ids, create } = await setUp();
    const session = await create();
    await t.request('POST', '/api/sessions', {
      cookie: cookies.staffB,
      body: { ...weekly, title: 'Rainbow walk', venue: VENUE_B },
    });
    for (const date of ['2027-03-16', '2027-03-30']) {
      await t.request('POST', `/api/sessions/${session.id}/cancellations`, {
        cookie: cookies.staffA,
        body: { date, reason: 'Venue closed' },
      });
    }
    const list = async (query: string) => {
      const res = await t.request('GET', `/api/audit?${query}`, { cookie: cookies.admin });
      expect(res.status, await res.clone().text()).toBe(200);
      return AuditListSchema.parse(await res.json());
    };
    const atB = await list(`venue=${VENUE_B}`);
    expect(atB.items.map((e) => e.record.title)).toEqual(['Rainbow walk']);
    const byA = await list(`user=${ids.staffA}`);
    expect(byA.items.map((e) => e.kind)).toEqual([
      'session.cancel-occurrence',
      'session.cancel-occurrence',
      'session.create',
    ]);
    const cancels = await list('kind=session.cancel-occurrence&limit=1');
    expect(cancels.items.map((e) => e.occurrence?.date)).toEqual(['2027-03-30']);
    const older = await list(`kind=session.cancel-occurrence&limit=1&before=${cancels.nextBefore}`);
    expect(older.items.map((e) => e.occurrence?.date)).toEqual(['2027-03-16']);
    expect((await list('kind=session')).items).toHaveLength(4);
    expect((await list('kind=user')).items.every((e) => e.entity === 'user')).toBe(true);
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    const { t, cookies } = await setUp();
    for (const [query, field] of [
      ['venue=Not%20a%20slug', 'venue'],
      ['user=abc', 'user'],
      ['kind=drop-table', 'kind'],
      ['format=xml', 'format'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await t.request('GET', `/api/audit?${query}`, { cookie: cookies.admin });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toContain(field);
    }
  });

  it('gives the matching entries as a CSV file, defused, quoted and never stored', async () => {
    const { t, cookies, create } = await setUp();
    const session = await create();
    await t.request('PATCH', `/api/sessions/${session.id}`, {
      cookie: cookies.staffA,
      body: { title: '=HYPERLINK("http://x.test","Click"), "yoga"' },
    });
    const res = await t.request('GET', `/api/audit?format=csv&venue=${VENUE_A}`, {
      cookie: cookies.admin,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-.*\.csv"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '"When (London)","Who","What happened","Kind","Record","Venue","Date","Reason","Entry"',
    );
    expect(lines[1]).toContain(',"\'=HYPERLINK(""http://x.test"",""Click""), ""yoga""",');
    expect(lines).toHaveLength(4);
    const staff = await t.request('GET', '/api/audit?format=csv', { cookie: cookies.staffA });
    expect(staff.status).toBe(403);
  });
});
