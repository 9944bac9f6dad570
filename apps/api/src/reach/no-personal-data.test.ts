// Drives the feeds, the kiosk counts and short-link addresses from many clients, then searches a
// real database file, every table, column and byte, for anything that could tell them apart.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { openDb } from '../db/open-db.ts';
import { seedSampleData } from '../db/seed.ts';
import { makeFixture, TEST_NOW, testShellRoot, VENUE_A } from '../test-support.ts';
import { createFeedReach } from './feed-reach.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiveways-reach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENTS = 60;
/** Each client's address (IPv4 and IPv6) and a user agent carrying a marker no table could hold. */
const clients = Array.from({ length: CLIENTS }, (_, i) => ({
  address: i % 3 === 0 ? `2001:db8:77::${(i + 1).toString(16)}` : `203.0.113.${i + 1}`,
  userAgent: `MarkerCal/${i}.7 (DeviceIdQ${1000 + i}; iPhone OS 17_${i})`,
}));
const KIOSK_DEVICE_MARKER = 'kiosk-device-7f3a';

/** Every value in every column of every table, as text. */
function everyValue(file: string): { where: string; value: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .pluck()
      .all() as string[];
    return tables.flatMap((table) =>
      (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).flatMap((row) =>
        Object.entries(row).map(([column, v]) => ({
          where: `${table}.${column}`,
          value: Buffer.isBuffer(v) ? v.toString('latin1') : String(v),
        })),
      ),
    );
  } finally {
    db.close();
  }
}

/** Text that looks like a hash, token or id: long runs of hex or base64 characters. */
const HASH_LIKE = /[0-9a-f]{16,}|[A-Za-z0-9+/_-]{20,}={0,2}/g;
function hashLike(values: { where: string; value: string }[]): Set<string> {
  return new Set(
    values.flatMap(({ where, value }) =>
      [...value.matchAll(HASH_LIKE)].map((m) => `${where}: ${m[0]}`),
    ),
  );
}

describe('nothing personal reaches the database', () => {
  it('holds counts only after feeds, kiosk batches and short links from many clients', async () => {
    const file = join(dir, 'fiveways.db');
    const db = openDb(file);
    seedSampleData(db, makeFixture(), TEST_NOW);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashLike(everyValue(file));

    const feedReach = createFeedReach({ db, clock: () => TEST_NOW });
    const app = createApp({
      db,
      clock: () => TEST_NOW,
      publicUrl: 'http://localhost:8787',
      cache: createReadCache(),
      staticRoot: testShellRoot(),
      feedReach,
      trustedProxies: ['127.0.0.1'],
    });
    // Each client through the trusted proxy, as a deployment behind one sees them.
    const send = (path: string, c: (typeof clients)[number], init: RequestInit = {}) =>
      app.request(
        path,
        {
          ...init,
          headers: {
            'user-agent': c.userAgent,
            'x-forwarded-for': c.address,
            origin: 'http://localhost:8787',
            ...(init.headers as Record<string, string> | undefined),
          },
        },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );

    const feeds = [
      '/feeds/all.ics',
      '/feeds/ways/be-active.ics',
      '/feeds/venues/gorse-hill-hub.ics',
    ];
    const etags = new Map<string, string>();
    let answered = 0;
    const shortLinks: number[] = [];
    for (const [i, c] of clients.entries()) {
      for (const path of feeds) {
        const first = await send(path, c);
        expect(first.status).toBe(200);
        etags.set(path, first.headers.get('etag') ?? '');
        // Subscribed calendars mostly revalidate: a 304.
        const again = await send(path, c, { headers: { 'if-none-match': etags.get(path) ?? '' } });
        expect(again.status).toBe(304);
        answered += 2;
      }
      const batch = {
        venue: VENUE_A,
        days: [
          {
            day: '2026-11-23',
            counts: [
              { event: 'visit', detail: '', count: 1 },
              { event: 'way', detail: 'give', count: 1 + (i % 3) },
              {
                event: 'zero-results',
                detail: 'way=give;day=today;area=warndon;audience=',
                count: 1,
              },
            ],
          },
        ],
      };
      const kiosk = await send('/api/reach/kiosk', c, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(kiosk.status).toBe(204);
      // A kiosk that tried to say who it is is refused, and nothing of it is kept.
      const named = await send('/api/reach/kiosk', c, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...batch, device: KIOSK_DEVICE_MARKER }),
      });
      expect(named.status).toBe(400);
      // Short addresses from a poster and a flyer: each redirects and counts a visit.
      shortLinks.push((await send('/w/be-active/p', c)).status);
      shortLinks.push((await send(`/h/${VENUE_A}/f`, c)).status);
    }
    feedReach.flush();
    db.close();

    const counted = new Database(file, { readonly: true });
    const reach = counted
      .prepare(`SELECT feed, clients, requests FROM feed_reach_daily ORDER BY feed`)
      .all();
    const linkVisits = counted.prepare(`SELECT SUM(visits) FROM short_link_visits`).pluck().get();
    const visits = counted
      .prepare(`SELECT SUM(count) FROM kiosk_daily WHERE event = 'visit'`)
      .pluck()
      .get();
    const columns = (table: string) =>
      (counted.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns('feed_reach_daily')).toEqual(['day', 'feed', 'clients', 'requests']);
    expect(columns('kiosk_daily')).toEqual(['day', 'venue', 'event', 'detail', 'count']);
    counted.close();
    expect(reach).toEqual([
      { feed: 'all', clients: CLIENTS, requests: CLIENTS * 2 },
      { feed: 'venue:gorse-hill-hub', clients: CLIENTS, requests: CLIENTS * 2 },
      { feed: 'way:be-active', clients: CLIENTS, requests: CLIENTS * 2 },
    ]);
    expect(answered).toBe(CLIENTS * 6);
    expect(
      new Set(shortLinks).size,
      `short links answered ${[...new Set(shortLinks)].join(', ')}`,
    ).toBe(1);
    expect(shortLinks[0]).toBeGreaterThanOrEqual(301);
    expect(shortLinks[0]).toBeLessThanOrEqual(308);
    expect(visits).toBe(CLIENTS);
    expect(linkVisits).toBe(CLIENTS * 2);

    // No address, agent, marker or new hash-like value in any table or column...
    const values = everyValue(file);
    const needles = [
      ...clients.flatMap((c) => [c.address, c.userAgent, c.userAgent.split(' ')[0] ?? '']),
      'MarkerCal',
      'DeviceIdQ',
      KIOSK_DEVICE_MARKER,
      '203.0.113.',
      '2001:db8:77',
    ];
    const found = values.flatMap(({ where, value }) =>
      needles.filter((n) => value.includes(n)).map((n) => `${where} holds ${n}`),
    );
    expect(found).toEqual([]);
    const newHashes = [...hashLike(values)].filter((h) => !before.has(h));
    expect(newHashes).toEqual([]);

    // ...nor anywhere in the file's bytes (free pages and the write-ahead log included).
    for (const path of [file, `${file}-wal`]) {
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      for (const needle of [
        'MarkerCal',
        'DeviceIdQ',
        KIOSK_DEVICE_MARKER,
        '203.0.113.',
        '2001:db8:77',
      ]) {
        expect(bytes.includes(needle), `${path} holds ${needle}`).toBe(false);
      }
    }
  });
});
