import { AuditListSchema, SessionSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';

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
});
