// Reach counts in the database: the writers the counters use, plain readers for the insights
// page (the "fewer than 5" rule is the page's), and the retention purge. Counts only, by day.
import type { Db } from '../db/open-db.ts';

export interface FeedReachRow {
  day: string;
  /** 'all', 'way:be-active', 'venue:<slug>', 'area:<slug>', 'group:<slug>', 'session:<id>'. */
  feed: string;
  /** Estimated distinct calendar clients that day. */
  clients: number;
  requests: number;
}

export interface KioskCountRow {
  day: string;
  /** The kiosk's home venue slug, '' when it has none. */
  venue: string;
  event: string;
  detail: string;
  count: number;
}

/** One feed's counts for one day, as held in memory since the last write. */
export interface FeedReachDelta {
  day: string;
  feed: string;
  /** Distinct clients seen today by this process so far (not a delta). */
  clients: number;
  /** Requests since the last write. */
  requests: number;
}

/**
 * Adds feed counts. Clients take the larger of stored and seen, so a restart mid-day never counts
 * a client twice (it may count too few: clients seen before the restart and again after are
 * counted once, those seen only before are kept by the MAX); requests add up.
 */
export function recordFeedReach(db: Db, deltas: readonly FeedReachDelta[]): void {
  if (deltas.length === 0) return;
  const upsert = db.prepare(
    `INSERT INTO feed_reach_daily (day, feed, clients, requests) VALUES (?, ?, ?, ?)
     ON CONFLICT (day, feed) DO UPDATE SET
       clients = MAX(clients, excluded.clients), requests = requests + excluded.requests`,
  );
  db.transaction(() => {
    for (const d of deltas) upsert.run(d.day, d.feed, d.clients, d.requests);
  })();
}

/** Adds kiosk counts (one batch, already checked). */
export function recordKioskCounts(db: Db, rows: readonly KioskCountRow[]): void {
  if (rows.length === 0) return;
  const upsert = db.prepare(
    `INSERT INTO kiosk_daily (day, venue, event, detail, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, venue, event, detail) DO UPDATE SET count = count + excluded.count`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.day, r.venue, r.event, r.detail, r.count);
  })();
}

export interface DayRange {
  /** First day, YYYY-MM-DD (London), inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Feed reach rows between two days, by day then feed; optionally for one feed. */
export function listFeedReach(db: Db, range: DayRange, feed?: string): FeedReachRow[] {
  return db
    .prepare(
      `SELECT day, feed, clients, requests FROM feed_reach_daily
       WHERE day BETWEEN ? AND ? AND (? IS NULL OR feed = ?)
       ORDER BY day, feed`,
    )
    .all(range.from, range.to, feed ?? null, feed ?? null) as FeedReachRow[];
}

/** Feed reach summed over the range per feed: requests add up, clients are each day's summed. */
export function sumFeedReachByFeed(
  db: Db,
  range: DayRange,
): { feed: string; clientDays: number; requests: number; days: number }[] {
  return db
    .prepare(
      `SELECT feed, SUM(clients) AS clientDays, SUM(requests) AS requests, COUNT(*) AS days
       FROM feed_reach_daily WHERE day BETWEEN ? AND ? GROUP BY feed ORDER BY feed`,
    )
    .all(range.from, range.to) as {
    feed: string;
    clientDays: number;
    requests: number;
    days: number;
  }[];
}

export interface KioskFilter {
  venue?: string | undefined;
  event?: string | undefined;
}

/** Kiosk count rows between two days, by day, venue, event, detail; optionally one venue/event. */
export function listKioskCounts(
  db: Db,
  range: DayRange,
  filter: KioskFilter = {},
): KioskCountRow[] {
  const venue = filter.venue ?? null;
  const event = filter.event ?? null;
  return db
    .prepare(
      `SELECT day, venue, event, detail, count FROM kiosk_daily
       WHERE day BETWEEN ? AND ? AND (? IS NULL OR venue = ?) AND (? IS NULL OR event = ?)
       ORDER BY day, venue, event, detail`,
    )
    .all(range.from, range.to, venue, venue, event, event) as KioskCountRow[];
}

/** Kiosk counts summed over the range per venue, event and detail, largest first. */
export function sumKioskCounts(
  db: Db,
  range: DayRange,
  filter: KioskFilter = {},
): { venue: string; event: string; detail: string; count: number }[] {
  const venue = filter.venue ?? null;
  const event = filter.event ?? null;
  return db
    .prepare(
      `SELECT venue, event, detail, SUM(count) AS count FROM kiosk_daily
       WHERE day BETWEEN ? AND ? AND (? IS NULL OR venue = ?) AND (? IS NULL OR event = ?)
       GROUP BY venue, event, detail ORDER BY count DESC, venue, event, detail`,
    )
    .all(range.from, range.to, venue, venue, event, event) as {
    venue: string;
    event: string;
    detail: string;
    count: number;
  }[];
}

/** The tables the retention purge empties of old days (short_link_visits only once it exists). */
export const REACH_TABLES = ['feed_reach_daily', 'kiosk_daily', 'short_link_visits'] as const;

/** Deletes every reach count for a day before `firstKept`; returns rows deleted per table. */
export function purgeReachBefore(db: Db, firstKept: string): Record<string, number> {
  const existing = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((t) => t.name),
  );
  const deleted: Record<string, number> = {};
  db.transaction(() => {
    for (const table of REACH_TABLES) {
      if (!existing.has(table)) continue;
      deleted[table] = db.prepare(`DELETE FROM ${table} WHERE day < ?`).run(firstKept).changes;
    }
  })();
  return deleted;
}
