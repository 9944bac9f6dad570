// A write whose body is still arriving when an admin acts: it lands checked against the account,
// its scope and the record as they are by then, never as they were when it began.
import { describe, expect, it } from 'vitest';
import { listAudit } from './audit.queries.ts';
import { makeStaffTestApp, VENUE_A, VENUE_B, type StaffTestApp } from '../test-support.ts';

/**
 * Starts a request whose body (with its Content-Length, as a slow client sends it) is held back
 * until `land()`: the route has read the record and checked the login before the body arrives.
 */
async function startSlowWrite(
  t: StaffTestApp,
  method: string,
  path: string,
  cookie: string,
  body: unknown,
) {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const answer = t.app.request(
    path,
    {
      method,
      headers: {
        origin: t.publicUrl,
        cookie,
        'content-type': 'application/json',
        'content-length': String(bytes.byteLength),
      },
      body: stream,
      duplex: 'half',
    },
    { incoming: { socket: { remoteAddress: '192.0.2.1' } } },
  );
  // Long enough for the guards and the record lookup to run; the body is all that is missing.
  await new Promise((done) => setTimeout(done, 50));
  return {
    async land(): Promise<Response> {
      controller?.enqueue(bytes);
      controller?.close();
      return answer;
    },
  };
}

async function setUp() {
  const t = makeStaffTestApp();
  const people = await t.createPeople();
  const session = async () =>
    (await t.request('GET', '/api/sessions/1')).json() as Promise<{
      title: string;
      description: string;
      venue: { slug: string };
    }>;
  const auditBy = (userId: number) =>
    listAudit(t.db, { limit: 50, before: null }).filter((e) => e.user?.id === userId);
  return { t, ...people, session, auditBy };
}

describe('a session PATCH still arriving', () => {
  it('is refused, and changes nothing, when its account is disabled before it lands', async () => {
    const { t, ids, cookies, session, auditBy } = await setUp();
    expect((await session()).venue.slug).toBe(VENUE_A);
    const slow = await startSlowWrite(t, 'PATCH', '/api/sessions/1', cookies.staffA, {
      title: 'Written by a disabled account',
    });
    const disable = await t.request('PATCH', `/api/users/${ids.staffA}`, {
      cookie: cookies.admin,
      body: { disabled: true },
    });
    expect(disable.status).toBe(200);
    const res = await slow.land();
    expect(res.status).toBe(401);
    expect((await session()).title).toBe('Walk and Talk');
    expect(auditBy(ids.staffA)).toEqual([]);
  });

  it('is refused, and changes nothing, when its venue is taken from the account before it lands', async () => {
    const { t, ids, cookies, session, auditBy } = await setUp();
    const slow = await startSlowWrite(t, 'PATCH', '/api/sessions/1', cookies.staffA, {
      title: 'Written after losing the venue',
    });
    const rescope = await t.request('PATCH', `/api/users/${ids.staffA}`, {
      cookie: cookies.admin,
      body: { venues: [VENUE_B] },
    });
    expect(rescope.status).toBe(200);
    const res = await slow.land();
    expect(res.status).toBe(403);
    expect((await session()).title).toBe('Walk and Talk');
    expect(auditBy(ids.staffA)).toEqual([]);
  });

  it("does not undo an admin's move of the session to a venue the staff member does not look after", async () => {
    const { t, ids, cookies, session, auditBy } = await setUp();
    const slow = await startSlowWrite(t, 'PATCH', '/api/sessions/1', cookies.staffA, {
      title: 'Stale edit',
    });
    const move = await t.request('PATCH', '/api/sessions/1', {
      cookie: cookies.admin,
      body: { venue: VENUE_B },
    });
    expect(move.status).toBe(200);
    const res = await slow.land();
    expect(res.status).toBe(403);
    expect(await session()).toMatchObject({ title: 'Walk and Talk', venue: { slug: VENUE_B } });
    expect(auditBy(ids.staffA)).toEqual([]);
  });

  it('keeps a newer change to other fields: it merges into the session as it is when it lands', async () => {
    const { t, cookies, session } = await setUp();
    const slow = await startSlowWrite(t, 'PATCH', '/api/sessions/1', cookies.staffA, {
      title: 'Walk, Talk and Tea',
    });
    const newer = await t.request('PATCH', '/api/sessions/1', {
      cookie: cookies.admin,
      body: { description: 'Meet at the hub door.' },
    });
    expect(newer.status).toBe(200);
    expect((await slow.land()).status).toBe(200);
    expect(await session()).toMatchObject({
      title: 'Walk, Talk and Tea',
      description: 'Meet at the hub door.',
    });
  });
});

describe('a group PATCH still arriving', () => {
  it('is refused, and changes nothing, when its account is disabled before it lands', async () => {
    const { t, ids, cookies, auditBy } = await setUp();
    // Staff of the church hall, where Knit and Natter meets.
    const hallKeeper = await t.createUser('hall@example.org', 'staff', ['warndon-church-hall']);
    const slow = await startSlowWrite(
      t,
      'PATCH',
      '/api/groups/knit-and-natter',
      t.cookieFor(hallKeeper),
      { name: 'Knit, Natter and Nothing Else' },
    );
    const disable = await t.request('PATCH', `/api/users/${hallKeeper}`, {
      cookie: cookies.admin,
      body: { disabled: true },
    });
    expect(disable.status).toBe(200);
    expect((await slow.land()).status).toBe(401);
    const group = (await (await t.request('GET', '/api/groups/knit-and-natter')).json()) as {
      name: string;
    };
    expect(group.name).toBe('Knit and Natter');
    expect(auditBy(hallKeeper)).toEqual([]);
    expect(ids.admin).toBeGreaterThan(0);
  });
});
