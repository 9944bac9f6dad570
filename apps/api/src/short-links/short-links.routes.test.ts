import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openTestDb, testShellRoot } from '../test-support.ts';
import { listShortLinkVisits } from './short-links.queries.ts';

/** The app over the fixture with a clock the test moves; Monday 23 November 2026, 10:00 UTC. */
function makeApp() {
  const db = openTestDb();
  let now = new Date('2026-11-23T10:00:00.000Z');
  const app = createApp({
    db,
    clock: () => new Date(now),
    publicUrl: 'http://localhost:8787',
    staticRoot: testShellRoot(),
  });
  return {
    db,
    app,
    setNow(iso: string) {
      now = new Date(iso);
    },
    visits: () => listShortLinkVisits(db),
  };
}

describe('short addresses', () => {
  it.each([
    ['/all', '/follow/all', 'all', 'unknown'],
    ['/all/k', '/follow/all', 'all', 'kiosk'],
    ['/w/be-active/p', '/follow/ways/be-active', 'way:be-active', 'poster'],
    ['/h/gorse-hill-hub/f', '/follow/venues/gorse-hill-hub', 'venue:gorse-hill-hub', 'flyer'],
    ['/a/warndon/s', '/follow/areas/warndon', 'area:warndon', 'sheet'],
    ['/g/knit-and-natter/c', '/follow/groups/knit-and-natter', 'group:knit-and-natter', 'feed'],
    ['/s/1/w', '/sessions/1', 'session:1', 'web'],
    ['/g/young-makers/z', '/follow/groups/young-makers', 'group:young-makers', 'unknown'],
  ])('%s sends the phone to %s and counts one visit', async (path, page, target, source) => {
    const t = makeApp();
    const res = await t.app.request(path);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(page);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(t.visits()).toEqual([{ day: '2026-11-23', target, source, visits: 1 }]);
  });

  it('are read whatever the case and with a trailing slash, and count as the same link', async () => {
    const t = makeApp();
    for (const path of ['/W/BE-ACTIVE/P', '/w/Be-Active/p/', '/w/be-active/p']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location')).toBe('/follow/ways/be-active');
    }
    expect(t.visits()).toEqual([
      { day: '2026-11-23', target: 'way:be-active', source: 'poster', visits: 3 },
    ]);
  });

  it('count per London day and per source', async () => {
    const t = makeApp();
    await t.app.request('/w/give/p');
    await t.app.request('/w/give/p');
    await t.app.request('/w/give/f');
    // 23:30 UTC on 23 November is still the 23rd in London (GMT); in summer it would be the 24th.
    t.setNow('2026-11-23T23:30:00.000Z');
    await t.app.request('/w/give/p');
    t.setNow('2027-06-01T23:30:00.000Z');
    await t.app.request('/w/give/p');
    t.setNow('2026-11-24T00:30:00.000Z');
    await t.app.request('/w/give/f');
    expect(t.visits()).toEqual([
      { day: '2026-11-23', target: 'way:give', source: 'flyer', visits: 1 },
      { day: '2026-11-23', target: 'way:give', source: 'poster', visits: 3 },
      { day: '2026-11-24', target: 'way:give', source: 'flyer', visits: 1 },
      { day: '2027-06-02', target: 'way:give', source: 'poster', visits: 1 },
    ]);
  });

  it('do not count a HEAD or a browser prefetch, but still answer them', async () => {
    const t = makeApp();
    const head = await t.app.request('/w/connect/p', { method: 'HEAD' });
    expect(head.status).toBe(302);
    const prefetch = await t.app.request('/w/connect/p', {
      headers: { 'sec-purpose': 'prefetch' },
    });
    expect(prefetch.status).toBe(302);
    expect(t.visits()).toEqual([]);
  });

  it.each([
    '/w/not-a-way/p',
    '/h/no-such-venue',
    '/a/no-such-area/p',
    '/g/no-such-group/f',
    '/s/999999/p',
    '/w',
    '/w/be-active/p/more',
  ])('%s names nothing: the not-found page, 404, and nothing counted', async (path) => {
    const t = makeApp();
    const res = await t.app.request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('location')).toBeNull();
    expect(t.visits()).toEqual([]);
  });

  it.each([
    '/h/..%2f..%2fetc%2fpasswd',
    '/h/%2e%2e/p',
    '/g/knit-and-natter%00/p',
    "/g/knit-and-natter'--/p",
    '/a/warndon/p%0d%0aSet-Cookie:x=1',
    '/s/1e3/p',
    '/s/-1',
    `/g/${'a'.repeat(5000)}`,
    '/w/%E2%80%AEbe-active',
    '//w/be-active',
  ])('a hostile %s is refused without a redirect or a count', async (path) => {
    const t = makeApp();
    const res = await t.app.request(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(t.visits()).toEqual([]);
  });

  it('answer only reads: a POST to a short address changes nothing', async () => {
    const t = makeApp();
    const res = await t.app.request('/w/give/p', { method: 'POST' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(t.visits()).toEqual([]);
  });

  it('leave the API, the feeds and the app pages as they were', async () => {
    const t = makeApp();
    expect((await t.app.request('/api/ways')).status).toBe(200);
    expect((await t.app.request('/feeds/ways/give.ics')).status).toBe(200);
    expect((await t.app.request('/subscribe')).status).toBe(200);
    expect((await t.app.request('/sessions/1')).status).toBe(200);
    expect(t.visits()).toEqual([]);
  });

  it('store only the day, the target, the source and a count', () => {
    const t = makeApp();
    const columns = t.db
      .prepare("SELECT name FROM pragma_table_info('short_link_visits') ORDER BY cid")
      .pluck()
      .all();
    expect(columns).toEqual(['day', 'target', 'source', 'visits']);
  });
});
