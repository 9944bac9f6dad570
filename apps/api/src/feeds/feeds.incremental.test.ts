// Feeds kept current one session at a time: a write re-renders only the session it changed, and
// what is served is byte for byte what a full render of the database gives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { LATEST_UPDATE_SQL } from '../meta/meta.queries.ts';
import { createLogger } from '../ops/logger.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { makeStaffTestApp, VENUE_A, VENUE_B, type StaffTestApp } from '../test-support.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { FEED_REFRESH_HOURS, feedTitles } from './feed-assembler.ts';
import type { FeedFilter } from './feed-filter.ts';
import { feedWindow } from './feed-window.ts';
import { renderCalendar } from './reference-render.ts';
import { sessionRenderCount } from './render-calendar.ts';

async function adminApp(feedChunkIds?: number) {
  const t = makeStaffTestApp({ feedChunkIds });
  const { cookies } = await t.createPeople();
  return { t, cookie: cookies.admin };
}

async function body(t: StaffTestApp, path: string): Promise<string> {
  const res = await t.request('GET', path);
  expect(res.status).toBe(200);
  return res.text();
}

async function write(
  t: StaffTestApp,
  cookie: string,
  method: string,
  path: string,
  data?: unknown,
) {
  const res = await t.request(
    method,
    path,
    data === undefined ? { cookie } : { cookie, body: data },
  );
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
}

/** Each feed's path, the filter it stands for and its name, as the routes give them. */
const FEEDS: [path: string, filter: FeedFilter, name: string][] = [
  ['/feeds/all.ics', {}, 'All sessions'],
  ['/feeds/ways/connect.ics', { way: 'connect' }, 'Connect'],
  ['/feeds/venues/rainbow-hill-hub.ics', { venue: VENUE_B }, 'Rainbow Hill Community Hub'],
  ['/feeds/areas/gorse-hill.ics', { area: 'gorse-hill' }, 'Gorse Hill'],
  ['/feeds/groups/walking-for-health.ics', { group: 'walking-for-health' }, 'Walking for Health'],
];

/** The feed rendered from scratch, from the database as it is now. */
function fullRender(t: StaffTestApp, filter: FeedFilter, name: string): string {
  const window = feedWindow(t.clock());
  const venues = listVenues(t.db);
  return renderCalendar({
    // The test database is filled by the sample data loader.
    ...feedTitles(name, true),
    sessions: listSessions(t.db),
    filter,
    venues,
    publicUrl: t.publicUrl,
    window,
    refreshHours: FEED_REFRESH_HOURS,
  });
}

describe('a write to one session', () => {
  it('re-renders that session only, and every feed holding it shows the change', async () => {
    const { t, cookie } = await adminApp();
    for (const [path] of FEEDS) await body(t, path);
    await body(t, '/feeds/sessions/2.ics');
    const before = sessionRenderCount();
    // Nothing changed: every feed comes from the cache.
    for (const [path] of FEEDS) await body(t, path);
    expect(sessionRenderCount()).toBe(before);

    await write(t, cookie, 'PATCH', '/api/sessions/2', { title: 'Time to Talk and Tea' });
    for (const path of [
      '/feeds/all.ics',
      '/feeds/ways/connect.ics',
      '/feeds/venues/rainbow-hill-hub.ics',
      '/feeds/sessions/2.ics',
    ]) {
      expect(await body(t, path)).toContain('SUMMARY:Time to Talk and Tea\r\n');
    }
    for (const [path] of FEEDS) await body(t, path);
    expect(sessionRenderCount() - before).toBe(1);
  });

  it('leaves the session’s old feeds when it moves venue, and drops it everywhere when archived', async () => {
    const { t, cookie } = await adminApp();
    const gorse = await body(t, '/feeds/venues/gorse-hill-hub.ics');
    expect(gorse).toContain('SUMMARY:Community Health Clinic\r\n');
    await write(t, cookie, 'PATCH', '/api/sessions/4', { venue: VENUE_B });
    expect(await body(t, '/feeds/venues/gorse-hill-hub.ics')).not.toContain(
      'Community Health Clinic',
    );
    expect(await body(t, '/feeds/venues/rainbow-hill-hub.ics')).toContain(
      'SUMMARY:Community Health Clinic\r\n',
    );
    await write(t, cookie, 'DELETE', '/api/sessions/4');
    expect(await body(t, '/feeds/all.ics')).not.toContain('Community Health Clinic');
    expect(await body(t, '/feeds/venues/rainbow-hill-hub.ics')).not.toContain(
      'Community Health Clinic',
    );
  });

  it('a venue edit re-renders the sessions held there or moved there, and no others', async () => {
    const { t, cookie } = await adminApp();
    await body(t, '/feeds/all.ics');
    const before = sessionRenderCount();
    // Rainbow Hill hosts Time to Talk and one moved date of Walk and Talk.
    await write(t, cookie, 'PATCH', `/api/venues/${VENUE_B}`, { address: 'New Road, Worcester' });
    const all = await body(t, '/feeds/all.ics');
    expect(sessionRenderCount() - before).toBe(2);
    expect(all).toContain('LOCATION:Rainbow Hill Community Hub\\, New Road\\, Worcester');
    expect(all).toBe(fullRender(t, {}, 'All sessions'));
  });
});

describe('Last-Modified', () => {
  it('moves when a session leaves a feed or a venue it shows changes', async () => {
    const { t, cookie } = await adminApp();
    const path = '/feeds/venues/rainbow-hill-hub.ics';
    const first = (await t.request('GET', path)).headers.get('last-modified') ?? '';
    t.advance(60_000);
    await write(t, cookie, 'PATCH', `/api/venues/${VENUE_B}`, { phone: '01905 000000' });
    const second = (await t.request('GET', path)).headers.get('last-modified') ?? '';
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));
    // Time to Talk leaves the feed: the feed changed, so If-Modified-Since must not get a 304.
    t.advance(60_000);
    await write(t, cookie, 'DELETE', '/api/sessions/2');
    const res = await t.request('GET', path, { headers: { 'if-modified-since': second } });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('Time to Talk');
  });

  it('moves when an area is renamed, so the area feed with its new name is not a 304', async () => {
    const { t, cookie } = await adminApp();
    const path = '/feeds/areas/gorse-hill.ics';
    const first = (await t.request('GET', path)).headers.get('last-modified') ?? '';
    t.advance(60_000);
    await write(t, cookie, 'PATCH', '/api/areas/gorse-hill', { name: 'Gorse Hill and Elbury' });
    const res = await t.request('GET', path, { headers: { 'if-modified-since': first } });
    expect(res.status).toBe(200);
    expect(Date.parse(res.headers.get('last-modified') ?? '')).toBeGreaterThan(Date.parse(first));
    expect(await res.text()).toContain('Gorse Hill and Elbury');
  });

  it('reads each table’s latest write from an index, not a scan', () => {
    const { db } = makeStaffTestApp();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${LATEST_UPDATE_SQL}`)
      .all()
      .map((row) => (row as { detail: string }).detail);
    expect(plan.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    expect(plan.filter((d) => /USING (COVERING )?INDEX \w+_updated_at/.test(d))).toHaveLength(5);
  });
});

describe('incremental feeds match a full render', () => {
  const write$ = fc.oneof(
    fc.record({
      kind: fc.constant('title' as const),
      id: fc.constantFrom(1, 2, 3, 4),
      title: fc.constantFrom('Tea; talk, and more', 'Walk ☕', 'A'.repeat(90), 'Plain'),
    }),
    fc.record({
      kind: fc.constant('cancel' as const),
      at: fc.constantFrom(
        [1, '2027-03-09'] as const,
        [1, '2027-04-06'] as const,
        [2, '2027-01-13'] as const,
        [2, '2027-02-03'] as const,
      ),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      at: fc.constantFrom([1, '2027-03-30'] as const, [2, '2027-01-20'] as const),
      venue: fc.constantFrom(VENUE_A, VENUE_B, 'warndon-church-hall'),
    }),
    fc.record({ kind: fc.constant('archive' as const), id: fc.constantFrom(2, 3, 4) }),
    fc.record({ kind: fc.constant('create' as const), day: fc.integer({ min: 0, max: 300 }) }),
    fc.record({
      kind: fc.constant('venue' as const),
      slug: fc.constantFrom(VENUE_A, VENUE_B),
      address: fc.constantFrom('High Street, Worcester', 'Church Lane; Warndon, Worcester'),
    }),
  );

  it('after any sequence of writes, every feed is byte-identical to a full render', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(write$, { minLength: 1, maxLength: 6 }),
        // Chunks of one or two sessions' ids put sessions in different chunks, as at scale.
        fc.constantFrom(1, 2, 3, undefined),
        async (writes, chunkIds) => {
          const { t, cookie } = await adminApp(chunkIds);
          for (const [path] of FEEDS) await body(t, path);
          for (const w of writes) {
            t.advance(1000);
            const ok = (res: Response) => res.status < 300 || res.status === 409;
            let res: Response;
            if (w.kind === 'title') {
              res = await t.request('PATCH', `/api/sessions/${w.id}`, {
                cookie,
                body: { title: w.title },
              });
            } else if (w.kind === 'cancel') {
              res = await t.request('POST', `/api/sessions/${w.at[0]}/cancellations`, {
                cookie,
                body: { date: w.at[1], reason: 'Hall closed' },
              });
            } else if (w.kind === 'move') {
              res = await t.request('POST', `/api/sessions/${w.at[0]}/changes`, {
                cookie,
                body: { date: w.at[1], venue: w.venue, startTime: '13:00', endTime: '14:00' },
              });
            } else if (w.kind === 'archive') {
              res = await t.request('DELETE', `/api/sessions/${w.id}`, { cookie });
            } else if (w.kind === 'create') {
              const day = new Date(Date.UTC(2027, 0, 4 + w.day)).toISOString().slice(0, 10);
              res = await t.request('POST', '/api/sessions', {
                cookie,
                body: {
                  title: `New session ${w.day}`,
                  venue: VENUE_B,
                  ways: ['connect', 'give'],
                  startDate: day,
                  startTime: '09:00',
                  endTime: '10:00',
                  repeat: null,
                },
              });
            } else {
              res = await t.request('PATCH', `/api/venues/${w.slug}`, {
                cookie,
                body: { address: w.address },
              });
            }
            // Writes to an archived session are refused (409); that is not what is tested here.
            expect(ok(res), await res.clone().text()).toBe(true);
            for (const [path, filter, name] of FEEDS) {
              expect(await body(t, path)).toBe(fullRender(t, filter, name));
            }
          }
          // A server started afresh on the same database serves the same bytes and ETags.
          const fresh = createApp({
            db: t.db,
            clock: t.clock,
            publicUrl: t.publicUrl,
            cache: createReadCache(),
            feedChunkIds: chunkIds,
          });
          for (const [path] of FEEDS) {
            const [a, b] = [await t.request('GET', path), await fresh.request(path)];
            expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
            expect(await b.text()).toBe(await a.text());
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('warming up at start', () => {
  it('renders every session in the background; a feed asked for meanwhile waits and is the same', async () => {
    const lines: string[] = [];
    const cold = makeStaffTestApp();
    const before = sessionRenderCount();
    const warm = createApp({
      db: cold.db,
      clock: cold.clock,
      publicUrl: cold.publicUrl,
      cache: createReadCache(),
      log: createLogger({ write: (line) => lines.push(line) }),
      warmFeeds: true,
    });
    // Asked for at once: answered only after the warm-up has said it is done.
    const body = await (await warm.request('/feeds/all.ics')).text();
    const warmed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const done = warmed.find((l) => l['msg'] === 'feeds warmed');
    expect(done).toMatchObject({
      level: 'info',
      sessions: listSessions(cold.db).filter((s) => s.status === 'active').length,
    });
    const rendered = sessionRenderCount() - before;
    expect(rendered).toBeGreaterThan(0);
    expect(body).toBe(await (await cold.app.request('/feeds/all.ics')).text());
    // Everything was rendered by the warm-up: other feeds render nothing more.
    const after = sessionRenderCount();
    for (const [path] of FEEDS) await warm.request(path);
    expect(sessionRenderCount()).toBe(after);
  });
});
