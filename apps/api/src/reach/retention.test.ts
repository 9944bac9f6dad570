import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ops/logger.ts';
import { openTestDb, TEST_NOW } from '../test-support.ts';
import { firstKeptDay, purgeOldReach, startReachRetention } from './retention.ts';
import {
  listFeedReach,
  listKioskCounts,
  recordFeedReach,
  recordKioskCounts,
  sumFeedReachByFeed,
  sumKioskCounts,
} from './reach.queries.ts';

const ALL_DAYS = { from: '2000-01-01', to: '2100-01-01' };

function fill(db: ReturnType<typeof openTestDb>, days: string[]) {
  recordFeedReach(
    db,
    days.map((day) => ({ day, feed: 'all', clients: 2, requests: 5 })),
  );
  recordKioskCounts(
    db,
    days.map((day) => ({ day, venue: '', event: 'visit', detail: '', count: 1 })),
  );
}

describe('reach retention', () => {
  it('keeps whole months back from today', () => {
    expect(firstKeptDay('2026-11-23', 13)).toBe('2025-10-23');
    expect(firstKeptDay('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('deletes counts older than the retention from every reach table, even short-link visits', () => {
    const db = openTestDb();
    // The short-link table as its migration makes it; the purge takes it when it is there.
    db.exec(`CREATE TABLE IF NOT EXISTS short_link_visits (day TEXT NOT NULL, target TEXT NOT NULL,
      source TEXT NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (day, target, source)) STRICT`);
    const days = ['2025-10-21', '2025-10-22', '2025-10-23', '2026-11-23'];
    fill(db, days);
    const insert = db.prepare(`INSERT INTO short_link_visits VALUES (?, 'all', 'poster', 1)`);
    for (const day of days) insert.run(day);

    expect(purgeOldReach(db, TEST_NOW, 13)).toEqual({
      feed_reach_daily: 2,
      kiosk_daily: 2,
      short_link_visits: 2,
    });
    expect(listFeedReach(db, ALL_DAYS).map((r) => r.day)).toEqual(['2025-10-23', '2026-11-23']);
    expect(listKioskCounts(db, ALL_DAYS).map((r) => r.day)).toEqual(['2025-10-23', '2026-11-23']);
    const links = db.prepare('SELECT day FROM short_link_visits ORDER BY day').pluck().all();
    expect(links).toEqual(['2025-10-23', '2026-11-23']);
  });

  it('purges without the short-link table, at start and then daily', () => {
    const db = openTestDb();
    const hasShortLinks =
      db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'short_link_visits'`).get() !==
      undefined;
    fill(db, ['2020-01-01', '2026-11-23']);
    const stop = startReachRetention({ db, clock: () => TEST_NOW, months: 13, log: silentLogger });
    stop();
    expect(listFeedReach(db, ALL_DAYS).map((r) => r.day)).toEqual(['2026-11-23']);
    expect(listKioskCounts(db, ALL_DAYS).map((r) => r.day)).toEqual(['2026-11-23']);
    const tables = [
      'feed_reach_daily',
      'kiosk_daily',
      ...(hasShortLinks ? ['short_link_visits'] : []),
    ];
    expect(Object.keys(purgeOldReach(db, TEST_NOW, 13))).toEqual(tables);
  });
});

describe('reach readers', () => {
  it('read feed reach and kiosk counts between two days, per feed, venue and event', () => {
    const db = openTestDb();
    recordFeedReach(db, [
      { day: '2026-11-20', feed: 'all', clients: 3, requests: 10 },
      { day: '2026-11-21', feed: 'all', clients: 4, requests: 12 },
      { day: '2026-11-21', feed: 'way:give', clients: 1, requests: 2 },
      { day: '2026-11-25', feed: 'all', clients: 9, requests: 9 },
    ]);
    const range = { from: '2026-11-20', to: '2026-11-21' };
    expect(listFeedReach(db, range, 'way:give')).toEqual([
      { day: '2026-11-21', feed: 'way:give', clients: 1, requests: 2 },
    ]);
    expect(listFeedReach(db, range)).toHaveLength(3);
    expect(sumFeedReachByFeed(db, range)).toEqual([
      { feed: 'all', clientDays: 7, requests: 22, days: 2 },
      { feed: 'way:give', clientDays: 1, requests: 2, days: 1 },
    ]);

    recordKioskCounts(db, [
      { day: '2026-11-20', venue: 'a', event: 'way', detail: 'give', count: 2 },
      { day: '2026-11-21', venue: 'a', event: 'way', detail: 'give', count: 3 },
      { day: '2026-11-21', venue: 'b', event: 'way', detail: 'connect', count: 7 },
      { day: '2026-11-21', venue: 'b', event: 'visit', detail: '', count: 9 },
    ]);
    expect(listKioskCounts(db, range, { venue: 'a' })).toHaveLength(2);
    expect(sumKioskCounts(db, range, { event: 'way' })).toEqual([
      { venue: 'b', event: 'way', detail: 'connect', count: 7 },
      { venue: 'a', event: 'way', detail: 'give', count: 5 },
    ]);
  });
});
