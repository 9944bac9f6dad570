import { AuditListSchema } from '@fiveways/shared';
import { describeAuditEntry } from '@fiveways/shared/audit-sentence';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';

async function setUp() {
  const t = makeStaffTestApp();
  const { cookies } = await t.createPeople();
  const list = async (query: string) => {
    const res = await t.request('GET', `/api/audit?${query}`, { cookie: cookies.admin });
    expect(res.status, await res.clone().text()).toBe(200);
    return AuditListSchema.parse(await res.json()).items;
  };
  return { t, cookies, list };
}

describe('the audit log of closures, school holidays and organisations', () => {
  it('names a closure by its venue, with its dates, reason and count, and filters by it', async () => {
    const { t, cookies, list } = await setUp();
    const made = await t.request('POST', '/api/closures', {
      cookie: cookies.staffA,
      body: { venue: VENUE_A, from: '2027-03-01', to: '2027-03-31', reason: 'Roof repairs' },
    });
    expect(made.status).toBe(201);
    const { id, occurrences } = (await made.json()) as { id: number; occurrences: unknown[] };
    t.advance(1000);
    expect(
      (await t.request('POST', `/api/closures/${id}/undo`, { cookie: cookies.staffA })).status,
    ).toBe(200);

    const closures = await list('kind=closure');
    expect(closures.map((e) => e.kind)).toEqual(['closure.undo', 'closure.create']);
    const [undo, create] = closures;
    const span = { from: '2027-03-01', to: '2027-03-31', reason: 'Roof repairs' };
    expect(create).toMatchObject({
      record: { title: 'Gorse Hill Community Hub', venue: { slug: VENUE_A } },
      span: { ...span, count: occurrences.length },
    });
    expect(occurrences.length).toBeGreaterThan(1);
    expect(create && describeAuditEntry(create)).toMatch(
      new RegExp(
        `closed Gorse Hill Community Hub from Mon 1 Mar 2027 to Wed 31 Mar 2027: Roof repairs — ${occurrences.length} dates cancelled$`,
      ),
    );
    expect(undo && describeAuditEntry(undo)).toMatch(
      /undid the closure of Gorse Hill Community Hub from Mon 1 Mar 2027 to Wed 31 Mar 2027: Roof repairs$/,
    );
    expect((await list('kind=closure.undo')).map((e) => e.kind)).toEqual(['closure.undo']);
    expect((await list(`venue=${VENUE_A}&kind=closure`)).length).toBe(2);
  });

  it('names school holidays and organisations, and filters by them', async () => {
    const { t, cookies, list } = await setUp();
    const holiday = await t.request('POST', '/api/school-holidays', {
      cookie: cookies.admin,
      body: { name: 'Christmas 2026', from: '2026-12-21', to: '2027-01-01' },
    });
    expect(holiday.status).toBe(201);
    const { id } = (await holiday.json()) as { id: number };
    await t.request('PATCH', `/api/school-holidays/${id}`, {
      cookie: cookies.admin,
      body: { name: 'Christmas 2026', from: '2026-12-21', to: '2027-01-04' },
    });
    await t.request('DELETE', `/api/school-holidays/${id}`, { cookie: cookies.admin });
    const holidays = await list('kind=school-holiday');
    expect(holidays.map((e) => describeAuditEntry(e))).toEqual([
      expect.stringMatching(/removed school holidays Christmas 2026 \(21 Dec to 4 Jan 2027\)$/),
      expect.stringMatching(
        /changed school holidays Christmas 2026 \(last day\), now 21 Dec to 4 Jan 2027$/,
      ),
      expect.stringMatching(/added school holidays Christmas 2026 \(21 Dec to 1 Jan 2027\)$/),
    ]);
    expect((await list('kind=school-holiday.create')).length).toBe(1);

    const org = await t.request('POST', '/api/organisations', {
      cookie: cookies.admin,
      body: { name: 'Worcester Community Trust' },
    });
    expect(org.status).toBe(201);
    const orgId = ((await org.json()) as { id: number }).id;
    await t.request('PATCH', `/api/organisations/${orgId}`, {
      cookie: cookies.admin,
      body: { website: 'https://example.org/trust' },
    });
    const organisations = await list('kind=organisation');
    expect(organisations.map((e) => describeAuditEntry(e))).toEqual([
      expect.stringMatching(/changed organisation Worcester Community Trust \(website\)$/),
      expect.stringMatching(/added organisation Worcester Community Trust$/),
    ]);
    expect((await list('kind=organisation.update')).length).toBe(1);
  });

  it('still refuses a kind it does not know with a 400 naming kind', async () => {
    const { t, cookies } = await setUp();
    for (const kind of ['closures', 'school', 'organisation.', 'holiday.create']) {
      const res = await t.request('GET', `/api/audit?kind=${kind}`, { cookie: cookies.admin });
      expect(res.status, kind).toBe(400);
      const body = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toContain('kind');
    }
  });
});
