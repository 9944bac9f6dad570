import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { openTestDb, testClock } from '../test-support.ts';
import { calendarProperties, eventBlocks, prop } from './feed-test-helpers.ts';

const PUBLIC_URL = 'https://fiveways.example.org';

function makeApp() {
  const db = openTestDb();
  const cache = createReadCache();
  const app = createApp({ db, cache, publicUrl: PUBLIC_URL, clock: testClock });
  return { db, cache, app };
}

describe('GET /feeds/*.ics', () => {
  const paths = [
    '/feeds/all.ics',
    '/feeds/all.ics?way=be-active&area=gorse-hill',
    '/feeds/ways/connect.ics',
    '/feeds/venues/gorse-hill-hub.ics',
    '/feeds/areas/warndon.ics',
    '/feeds/groups/walking-for-health.ics',
    '/feeds/sessions/1.ics',
  ];

  it.each(paths)('%s answers 200 with a calendar, an ETag and caching headers', async (path) => {
    const { app } = makeApp();
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="[a-z0-9-]+\.ics"$/);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = await res.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(eventBlocks(body).length).toBeGreaterThan(0);
  });

  it('names each feed after what it holds', async () => {
    const { app, db } = makeApp();
    // A database not filled with the sample data.
    db.prepare(`DELETE FROM meta WHERE key = 'sample_data'`).run();
    const names: Record<string, string> = {
      '/feeds/all.ics': 'Five Ways Worcester — All sessions',
      '/feeds/ways/be-active.ics': 'Five Ways Worcester — Be Active',
      '/feeds/venues/gorse-hill-hub.ics': 'Five Ways Worcester — Gorse Hill Community Hub',
      '/feeds/areas/warndon.ics': 'Five Ways Worcester — Warndon',
      '/feeds/all.ics?way=be-active&area=gorse-hill':
        'Five Ways Worcester — Be Active\\, Gorse Hill',
    };
    for (const [path, name] of Object.entries(names)) {
      const body = await (await app.request(path)).text();
      expect(body).toContain(`\r\nX-WR-CALNAME:${name}\r\n`);
      expect(body).not.toContain('sample data');
    }
  });

  it('says in the name and description of every feed when it shows the sample data', async () => {
    const { app } = makeApp();
    for (const path of [
      '/feeds/all.ics',
      '/feeds/venues/gorse-hill-hub.ics',
      '/feeds/sessions/1.ics',
    ]) {
      const head = calendarProperties(await (await app.request(path)).text());
      const value = (name: string) => head.find((p) => p.name === name)?.value ?? '';
      expect(value('NAME')).toMatch(/^Five Ways Worcester — .+ \(sample data\)$/);
      expect(value('X-WR-CALNAME')).toBe(value('NAME'));
      expect(value('DESCRIPTION')).toMatch(/^Sample data: these are not real sessions\. /);
      expect(value('X-WR-CALDESC')).toBe(value('DESCRIPTION'));
    }
  });

  it('combines query filters', async () => {
    const { app } = makeApp();
    const body = await (await app.request('/feeds/all.ics?way=keep-learning&area=warndon')).text();
    const titles = eventBlocks(body).map((b) => prop(b, 'SUMMARY')?.value);
    expect(titles).toEqual(['Healthy Living']);
  });

  it('sends Last-Modified as the latest change of the sessions in the feed', async () => {
    const { app } = makeApp();
    const res = await app.request('/feeds/ways/connect.ics');
    expect(res.headers.get('last-modified')).toBe(new Date('2026-11-23T10:00:00Z').toUTCString());
  });

  it('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
    const { app } = makeApp();
    const first = await app.request('/feeds/ways/connect.ics');
    const etag = first.headers.get('etag') ?? '';
    const again = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const listed = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-None-Match': `"old", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    const stale = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-None-Match': '"something-else"' },
    });
    expect(stale.status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified', async () => {
    const { app } = makeApp();
    const first = await app.request('/feeds/ways/connect.ics');
    const lastModified = first.headers.get('last-modified') ?? '';
    const same = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(same.status).toBe(304);
    const before = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-Modified-Since': new Date('2026-01-01T00:00:00Z').toUTCString() },
    });
    expect(before.status).toBe(200);
  });

  it('serves byte-identical feeds on every fetch with no change', async () => {
    const { app, cache } = makeApp();
    const a = await (await app.request('/feeds/all.ics')).text();
    cache.invalidateAll();
    const b = await (await app.request('/feeds/all.ics')).text();
    expect(b).toBe(a);
  });

  it('answers HEAD like GET, without a body', async () => {
    const { app } = makeApp();
    const get = await app.request('/feeds/all.ics');
    const head = await app.request('/feeds/all.ics', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('needs no Accept header and does not redirect', async () => {
    const { app } = makeApp();
    const res = await app.request('/feeds/all.ics', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
  });

  it.each([
    '/feeds/ways/running.ics',
    '/feeds/venues/nowhere.ics',
    '/feeds/areas/atlantis.ics',
    '/feeds/groups/nobody.ics',
    '/feeds/sessions/999.ics',
    '/feeds/sessions/abc.ics',
  ])('%s answers 404 with the error envelope', async (path) => {
    const { app } = makeApp();
    const res = await app.request(path);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/^There is no (way|venue|area|group|session) /);
  });

  it('answers a path that names no kind of feed with the app-wide 404, naming the path', async () => {
    const { app } = makeApp();
    const res = await app.request('/feeds/nothing-here.ics');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: 'not_found',
      message: 'There is nothing at GET /feeds/nothing-here.ics',
    });
  });

  it.each([
    ['/feeds/all.ics?way=running', 'way'],
    ['/feeds/all.ics?venue=Not%20A%20Slug', 'venue'],
    ['/feeds/all.ics?area=atlantis', 'area'],
    ['/feeds/all.ics?group=nobody', 'group'],
  ])('%s answers 400 naming the %s', async (path, field) => {
    const { app } = makeApp();
    const res = await app.request(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual([field]);
  });

  it('names an unknown or archived filter on all.ics as the lists do', async () => {
    const { app, db } = makeApp();
    const group = db.prepare('SELECT slug FROM groups WHERE archived = 0 LIMIT 1').pluck().get();
    db.prepare('UPDATE groups SET archived = 1 WHERE slug = ?').run(group);
    for (const query of ['venue=nowhere-at-all', 'area=atlantis', `group=${String(group)}`]) {
      const feed = await app.request(`/feeds/all.ics?${query}`);
      const list = await app.request(`/api/occurrences?from=2027-01-01&to=2027-01-31&${query}`);
      expect(feed.status).toBe(400);
      expect(await feed.json()).toEqual(await list.json());
    }
  });

  it('changes the ETag and the body after a write', async () => {
    const { app, db, cache } = makeApp();
    const before = await app.request('/feeds/ways/connect.ics');
    const etag = before.headers.get('etag') ?? '';
    db.prepare(
      `INSERT INTO session_exceptions (session_id, date, kind, reason, updated_at)
       VALUES (2, '2027-01-13', 'cancelled', 'Staff unavailable', '2026-11-24T09:00:00.000Z')`,
    ).run();
    db.prepare(
      `UPDATE sessions SET sequence = sequence + 1, updated_at = '2026-11-24T09:00:00.000Z'
       WHERE id = 2`,
    ).run();
    // Until the write is announced the cached bytes are served.
    const cached = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-None-Match': etag },
    });
    expect(cached.status).toBe(304);
    cache.invalidateAll();
    const after = await app.request('/feeds/ways/connect.ics', {
      headers: { 'If-None-Match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const body = await after.text();
    const override = eventBlocks(body).find(
      (b) => prop(b, 'RECURRENCE-ID')?.value === '20270113T140000',
    );
    expect(override && prop(override, 'STATUS')?.value).toBe('CANCELLED');
    expect(override && prop(override, 'DESCRIPTION')?.value).toMatch(/Staff unavailable/);
    expect(after.headers.get('last-modified')).toBe(new Date('2026-11-24T09:00:00Z').toUTCString());
  });

  it('leaves archived sessions out, and empties an archived session’s own feed', async () => {
    const { app, db } = makeApp();
    db.prepare(`UPDATE sessions SET status = 'archived' WHERE id = 2`).run();
    const all = await (await app.request('/feeds/all.ics')).text();
    expect(all).not.toContain('SUMMARY:Time to Talk');
    const own = await app.request('/feeds/sessions/2.ics');
    expect(own.status).toBe(200);
    expect(eventBlocks(await own.text())).toHaveLength(0);
  });

  it('shows a date moved to another venue there alone, and as moved in the usual venue’s feed', async () => {
    const { app } = makeApp();
    const walks = async (path: string) =>
      eventBlocks(await (await app.request(path)).text()).filter((b) =>
        /Walk and Talk$/.test(prop(b, 'SUMMARY')?.value ?? ''),
      );
    const usual = await walks('/feeds/venues/gorse-hill-hub.ics');
    expect(usual.filter((b) => prop(b, 'RRULE'))).toHaveLength(1);
    const away = usual.find((b) => prop(b, 'RECURRENCE-ID')?.value === '20270323T100000');
    expect(away && prop(away, 'SUMMARY')?.value).toBe('Moved: Walk and Talk');
    expect(away && prop(away, 'STATUS')?.value).toBe('CANCELLED');
    expect(away && prop(away, 'LOCATION')?.value).toMatch(/^Rainbow Hill Community Hub/);
    const there = await walks('/feeds/venues/rainbow-hill-hub.ics');
    expect(there).toHaveLength(1);
    expect(there[0] && prop(there[0], 'RRULE')).toBeUndefined();
    expect(there[0] && prop(there[0], 'DTSTART')?.value).toBe('20270323T100000');
    expect(there[0] && prop(there[0], 'UID')?.value).toBe(
      'fiveways-worcester-session-1-on-20270323',
    );
    const warndon = await (await app.request('/feeds/venues/warndon-church-hall.ics')).text();
    expect(warndon).not.toContain('Walk and Talk');
  });
});
