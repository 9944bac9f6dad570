import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { openTestDb, TEST_NOW, testShellRoot } from '../test-support.ts';
import { createDailyKeyer, createFeedReach, feedNameOfQuery } from './feed-reach.ts';
import { listFeedReach } from './reach.queries.ts';

/** A clock the test moves by hand. */
function handClock(start: Date = TEST_NOW) {
  let now = start.getTime();
  return {
    clock: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
  };
}

const rowsOf = (db: Db) => listFeedReach(db, { from: '2000-01-01', to: '2100-01-01' });

describe('feed reach, counted in memory and written as numbers', () => {
  it('counts distinct address + agent pairs per feed, and every request', () => {
    const db = openTestDb();
    const reach = createFeedReach({ db, clock: handClock().clock });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) reach.count('way:give', `192.0.2.${i}`, 'Calendar/1.0');
    }
    // Two programs behind one address are two clients; one program on two feeds is one on each.
    reach.count('way:give', '192.0.2.0', 'Other/2.0');
    reach.count('all', '192.0.2.0', 'Calendar/1.0');
    reach.flush();
    expect(rowsOf(db)).toEqual([
      { day: '2026-11-23', feed: 'all', clients: 1, requests: 1 },
      { day: '2026-11-23', feed: 'way:give', clients: 5, requests: 13 },
    ]);
  });

  it('adds requests but never clients twice across a restart on the same day', () => {
    const db = openTestDb();
    const { clock } = handClock();
    const first = createFeedReach({ db, clock });
    for (let i = 0; i < 6; i++) first.count('all', `198.51.100.${i}`, 'A');
    first.flush();
    first.count('all', '198.51.100.1', 'A');
    first.flush();
    // A restart: a new salt, so the same clients cannot be recognised; the larger count stands.
    const second = createFeedReach({ db, clock });
    for (let i = 0; i < 4; i++) second.count('all', `198.51.100.${i}`, 'A');
    second.flush();
    expect(rowsOf(db)).toEqual([{ day: '2026-11-23', feed: 'all', clients: 6, requests: 11 }]);
  });

  it('writes a day when the London day ends and starts the next from nothing', () => {
    const db = openTestDb();
    const hand = handClock(new Date('2026-07-01T22:30:00Z'));
    const reach = createFeedReach({ db, clock: hand.clock });
    reach.count('area:warndon', '192.0.2.9', 'A');
    // 23:59 in London (BST) is still 1 July.
    hand.set('2026-07-01T22:59:00Z');
    reach.count('area:warndon', '192.0.2.8', 'A');
    hand.set('2026-07-01T23:00:00Z');
    reach.count('area:warndon', '192.0.2.9', 'A');
    reach.flush();
    expect(rowsOf(db)).toEqual([
      { day: '2026-07-01', feed: 'area:warndon', clients: 2, requests: 2 },
      { day: '2026-07-02', feed: 'area:warndon', clients: 1, requests: 1 },
    ]);
  });

  it('stops telling clients apart past its limit but still counts requests', () => {
    const db = openTestDb();
    const reach = createFeedReach({ db, clock: handClock().clock, maxClientKeys: 3 });
    for (let i = 0; i < 10; i++) reach.count('all', `192.0.2.${i}`, 'A');
    reach.flush();
    expect(rowsOf(db)).toEqual([{ day: '2026-11-23', feed: 'all', clients: 3, requests: 10 }]);
  });

  it("keys clients by HMAC-SHA256 under the day's salt, as createHmac does", () => {
    const salt = randomBytes(32);
    const keyOf = createDailyKeyer(salt);
    for (const message of [
      '192.0.2.1\nA',
      '2001:db8::1\nGoogle-Calendar-Importer',
      '\n',
      'é\n😀',
    ]) {
      const expected = createHmac('sha256', salt).update(message).digest('base64url').slice(0, 22);
      expect(keyOf(message)).toBe(expected);
    }
    expect(createDailyKeyer(randomBytes(32))('192.0.2.1\nA')).not.toBe(keyOf('192.0.2.1\nA'));
  });

  it('writes nothing when nothing was asked for', () => {
    const db = openTestDb();
    const reach = createFeedReach({ db, clock: handClock().clock });
    reach.flush();
    expect(rowsOf(db)).toEqual([]);
  });

  it('names a filtered whole-calendar feed by its one filter, or all', () => {
    expect(feedNameOfQuery({})).toBe('all');
    expect(feedNameOfQuery({ way: 'give' })).toBe('way:give');
    expect(feedNameOfQuery({ venue: 'gorse-hill-hub' })).toBe('venue:gorse-hill-hub');
    expect(feedNameOfQuery({ way: 'give', area: 'warndon' })).toBe('all');
  });
});

describe('feed requests counted by the feed routes', () => {
  function setUp() {
    const db = openTestDb();
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
    function get(path: string, address: string, headers: Record<string, string> = {}) {
      return app.request(path, { headers }, { incoming: { socket: { remoteAddress: address } } });
    }
    return { db, feedReach, get };
  }

  it('counts 200s and 304s by client, and nothing for a feed that does not exist', async () => {
    const { db, feedReach, get } = setUp();
    const first = await get('/feeds/ways/be-active.ics', '192.0.2.10', { 'user-agent': 'A' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    for (const address of ['192.0.2.10', '192.0.2.11', '192.0.2.12']) {
      const again = await get('/feeds/ways/be-active.ics', address, {
        'user-agent': 'A',
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
    }
    expect((await get('/feeds/venues/no-such-place.ics', '192.0.2.10')).status).toBe(404);
    expect((await get('/feeds/ways/be-happy.ics', '192.0.2.10')).status).toBe(404);
    expect((await get('/feeds/all.ics?way=be-happy', '192.0.2.10')).status).toBe(400);
    await get('/feeds/all.ics?way=give', '192.0.2.10');
    await get('/feeds/venues/gorse-hill-hub.ics', '192.0.2.10');
    await get('/feeds/areas/warndon.ics', '192.0.2.10');
    await get('/feeds/groups/walking-for-health.ics', '192.0.2.10');
    await get('/feeds/sessions/1.ics', '192.0.2.10');
    await get('/feeds/all.ics', '192.0.2.10');
    feedReach.flush();
    expect(rowsOf(db).map((r) => [r.feed, r.clients, r.requests])).toEqual([
      ['all', 1, 1],
      ['area:warndon', 1, 1],
      ['group:walking-for-health', 1, 1],
      ['session:1', 1, 1],
      ['venue:gorse-hill-hub', 1, 1],
      ['way:be-active', 3, 4],
      ['way:give', 1, 1],
    ]);
  });

  it('tells clients behind a trusted proxy apart by the address it forwarded for', async () => {
    const { db, feedReach, get } = setUp();
    for (const forwarded of ['203.0.113.1', '203.0.113.2', '203.0.113.2']) {
      await get('/feeds/all.ics', '127.0.0.1', { 'x-forwarded-for': forwarded });
    }
    // Not a trusted proxy: its X-Forwarded-For is whatever the client chose to say.
    await get('/feeds/all.ics', '192.0.2.50', { 'x-forwarded-for': '203.0.113.3' });
    await get('/feeds/all.ics', '192.0.2.50', { 'x-forwarded-for': '203.0.113.4' });
    feedReach.flush();
    expect(rowsOf(db)).toEqual([{ day: '2026-11-23', feed: 'all', clients: 3, requests: 5 }]);
  });
});
