import { ClosureSchema, ClosurePreviewSchema, OccurrenceListSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { expandWithIcalJs, expandWithNodeIcal } from '../feeds/feed-parsers.ts';
import {
  dumpTables,
  makeStaffTestApp,
  VENUE_A,
  VENUE_B,
  type StaffTestApp,
} from '../test-support.ts';

// The fixture's Walk and Talk: Tuesdays at 10:00 from 2 March 2027 at venue A, 16 March already
// cancelled ("Bad weather"), 23 March moved to venue B. Time to Talk: Wednesdays 14:00 at venue B.
const MARCH = { venue: VENUE_A, from: '2027-03-01', to: '2027-03-31' };
const REASON = 'Boiler failure';

async function occurrencesAt(t: StaffTestApp, venue: string) {
  const res = await t.request(
    'GET',
    `/api/occurrences?from=2027-03-01&to=2027-03-31&venue=${venue}`,
  );
  const list = OccurrenceListSchema.parse(await res.json());
  return list.occurrences.map(
    (o) => `${o.sessionId} ${o.date} ${o.status} ${o.cancelReason ?? ''}`,
  );
}

async function auditActions(t: StaffTestApp, cookie: string) {
  const res = await t.request('GET', '/api/audit?limit=200', { cookie });
  const body = (await res.json()) as { items: { action: string; entityId: string }[] };
  return body.items.map((e) => `${e.action} ${e.entityId}`).reverse();
}

/** Walk and Talk's March dates as both independent parsers read the venue's feed. */
async function marchInFeed(t: StaffTestApp) {
  const ics = await (await t.request('GET', `/feeds/venues/${VENUE_A}.ics`)).text();
  const span = { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00Z') };
  const readings = [expandWithIcalJs(ics, span), expandWithNodeIcal(ics, span)].map((seen) =>
    seen
      // The date moved to venue B shows here as a cancelled 'Moved:' event; it is not this venue's.
      .filter((s) => s.sessionId === 1 && !s.summary.startsWith('Moved: '))
      .map((s) => `${s.start.slice(0, 10)} ${s.status}`)
      .sort(),
  );
  expect(readings[1]).toEqual(readings[0]);
  return readings[0] ?? [];
}

describe('closing a venue', () => {
  it('previews every scheduled occurrence there and writes nothing', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const res = await t.request(
      'GET',
      `/api/closures/preview?venue=${MARCH.venue}&from=${MARCH.from}&to=${MARCH.to}`,
      { cookie: cookies.staffA },
    );
    expect(res.status).toBe(200);
    const preview = ClosurePreviewSchema.parse(await res.json());
    expect(preview.occurrences.map((o) => o.date)).toEqual([
      '2027-03-02',
      '2027-03-09',
      '2027-03-30',
    ]);
    expect(preview.alreadyCancelled).toBe(1);
    expect(dumpTables(t.db)).toBe(before);
  });

  it('cancels them all as ordinary cancellations, kept as one closure, in feeds and the audit', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request('POST', '/api/closures', {
      cookie: cookies.staffA,
      body: { ...MARCH, reason: REASON },
    });
    expect(res.status).toBe(201);
    const closure = ClosureSchema.parse(await res.json());
    expect(closure.occurrences.map((o) => `${o.sessionId} ${o.date} ${o.title}`)).toEqual([
      '1 2027-03-02 Walk and Talk',
      '1 2027-03-09 Walk and Talk',
      '1 2027-03-30 Walk and Talk',
    ]);
    expect(closure.createdBy?.email).toBe('a@example.org');
    expect(await occurrencesAt(t, VENUE_A)).toEqual([
      `1 2027-03-02 cancelled ${REASON}`,
      `1 2027-03-09 cancelled ${REASON}`,
      '1 2027-03-16 cancelled Bad weather',
      `1 2027-03-30 cancelled ${REASON}`,
    ]);
    expect(await marchInFeed(t)).toEqual([
      '2027-03-02 cancelled',
      '2027-03-09 cancelled',
      '2027-03-16 cancelled',
      '2027-03-30 cancelled',
    ]);
    expect(await auditActions(t, cookies.admin)).toEqual([
      'session.cancel-occurrence 1',
      'session.cancel-occurrence 1',
      'session.cancel-occurrence 1',
      `closure.create ${closure.id}`,
    ]);
  });

  it('is undone as a whole: exactly its occurrences come back, not ones cancelled apart from it', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/closures', {
      cookie: cookies.admin,
      body: { ...MARCH, reason: REASON },
    });
    const { id } = ClosureSchema.parse(await made.json());
    const before = await marchInFeed(t);
    expect(before.filter((s) => s.endsWith('cancelled'))).toHaveLength(4);
    // One of its dates is reinstated by hand and then cancelled again for its own reason.
    await t.request('DELETE', '/api/sessions/1/cancellations/2027-03-09', {
      cookie: cookies.staffA,
    });
    await t.request('POST', '/api/sessions/1/cancellations', {
      cookie: cookies.staffA,
      body: { date: '2027-03-09', reason: 'Leader on holiday' },
    });

    const res = await t.request('POST', `/api/closures/${id}/undo`, { cookie: cookies.staffA });
    expect(res.status).toBe(200);
    const undone = ClosureSchema.parse(await res.json());
    expect(undone.undoneBy?.email).toBe('a@example.org');
    expect(await occurrencesAt(t, VENUE_A)).toEqual([
      '1 2027-03-02 scheduled ',
      '1 2027-03-09 cancelled Leader on holiday',
      '1 2027-03-16 cancelled Bad weather',
      '1 2027-03-30 scheduled ',
    ]);
    expect(await marchInFeed(t)).toEqual([
      '2027-03-02 scheduled',
      '2027-03-09 cancelled',
      '2027-03-16 cancelled',
      '2027-03-30 scheduled',
    ]);
    const actions = await auditActions(t, cookies.admin);
    expect(actions.slice(-3)).toEqual([
      'session.reinstate-occurrence 1',
      'session.reinstate-occurrence 1',
      `closure.undo ${id}`,
    ]);

    const again = await t.request('POST', `/api/closures/${id}/undo`, { cookie: cookies.admin });
    expect(again.status).toBe(409);
  });

  it('cancels an occurrence moved there where it was moved to, and undo puts the move back', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/closures', {
      cookie: cookies.admin,
      body: { venue: VENUE_B, from: '2027-03-22', to: '2027-03-28', reason: REASON },
    });
    const closure = ClosureSchema.parse(await made.json());
    expect(closure.occurrences.map((o) => `${o.sessionId} ${o.date}`)).toEqual([
      '1 2027-03-23',
      '2 2027-03-24',
    ]);
    const atB = await occurrencesAt(t, VENUE_B);
    expect(atB).toContain(`1 2027-03-23 cancelled ${REASON}`);
    await t.request('POST', `/api/closures/${closure.id}/undo`, { cookie: cookies.admin });
    const session = (await (await t.request('GET', '/api/sessions/1')).json()) as {
      exceptions: { date: string; kind: string; venueSlug: string | null }[];
    };
    expect(session.exceptions.find((e) => e.date === '2027-03-23')).toMatchObject({
      kind: 'changed',
      venueSlug: VENUE_B,
    });
  });

  it('leaves out sessions of other venues moved there when the person does not look after them', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request(
      'GET',
      `/api/closures/preview?venue=${VENUE_B}&from=2027-03-22&to=2027-03-28`,
      { cookie: cookies.staffB },
    );
    const preview = ClosurePreviewSchema.parse(await res.json());
    expect(preview.occurrences.map((o) => `${o.sessionId} ${o.date}`)).toEqual(['2 2027-03-24']);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const cases: [unknown, string, number][] = [
      [{ ...MARCH, to: '2027-02-01', reason: REASON }, 'to', 400],
      [{ ...MARCH, to: '2028-03-01', reason: REASON }, 'to', 400],
      [{ ...MARCH, from: '2027-02-30', reason: REASON }, 'from', 400],
      [{ ...MARCH, venue: 'no-such-hall', reason: REASON }, 'venue', 400],
      [{ ...MARCH, reason: '   ' }, 'reason', 400],
      [{ ...MARCH }, 'reason', 400],
      [{ ...MARCH, venue: VENUE_B, reason: REASON }, 'venue', 403],
    ];
    for (const [body, field, status] of cases) {
      const res = await t.request('POST', '/api/closures', { cookie: cookies.staffA, body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      const error = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(error.error.issues.map((i) => i.path)).toContain(field);
    }
    const preview = await t.request(
      'GET',
      `/api/closures/preview?venue=${VENUE_A}&from=2027-03-02&to=2027-03-01`,
      {
        cookie: cookies.staffA,
      },
    );
    expect(preview.status).toBe(400);
    const anonymous = await t.request('POST', '/api/closures', {
      body: { ...MARCH, reason: REASON },
    });
    expect(anonymous.status).toBe(401);
    expect(dumpTables(t.db)).toBe(before);
  });

  it('shows and undoes a closure only for people who look after its venue', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/closures', {
      cookie: cookies.staffA,
      body: { ...MARCH, reason: REASON },
    });
    const { id } = ClosureSchema.parse(await made.json());
    const listB = (await (
      await t.request('GET', '/api/closures', { cookie: cookies.staffB })
    ).json()) as {
      items: unknown[];
    };
    expect(listB.items).toEqual([]);
    const listAdmin = (await (
      await t.request('GET', '/api/closures', { cookie: cookies.admin })
    ).json()) as {
      items: unknown[];
    };
    expect(listAdmin.items).toHaveLength(1);
    const undo = await t.request('POST', `/api/closures/${id}/undo`, { cookie: cookies.staffB });
    expect(undo.status).toBe(404);
  });
});
