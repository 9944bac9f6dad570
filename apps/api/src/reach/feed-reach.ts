// Distinct calendar clients per feed per London day, without keeping who they are. Each request's
// client address and user agent are hashed with a salt made at random for the day; only the hashes
// are held, in memory, and only their number is written. The salt lives in memory and is dropped
// when the day ends, so a hash cannot be matched to an address afterwards, nor to the next day's.
import { createHmac, randomBytes } from 'node:crypto';
import { addDays } from '@fiveways/shared/dates';
import { londonDateOf, startOfLondonDay } from '@fiveways/shared/london-time';
import type { Db } from '../db/open-db.ts';
import { recordFeedReach, type FeedReachDelta } from './reach.queries.ts';

/** Hashes held at most in one day; past it new clients are not told apart (requests still count). */
export const DEFAULT_MAX_CLIENT_KEYS = 250_000;

export interface FeedReach {
  /** Counts one answered feed request (200 or 304) for `feed` ('all', 'way:be-active', …). */
  count(feed: string, clientAddress: string, userAgent: string): void;
  /** Writes what was counted since the last write; at a day's end, forgets that day and its salt. */
  flush(): void;
}

interface FeedDay {
  keys: Set<string>;
  requests: number;
  /** Requests already written. */
  written: number;
  /** keys.size when last written. */
  writtenClients: number;
}

export interface FeedReachOptions {
  db: Db;
  clock: () => Date;
  maxClientKeys?: number;
}

export function createFeedReach({
  db,
  clock,
  maxClientKeys = DEFAULT_MAX_CLIENT_KEYS,
}: FeedReachOptions): FeedReach {
  let day = '';
  let dayEndsAt = 0;
  let salt = randomBytes(32);
  let feeds = new Map<string, FeedDay>();
  let keyCount = 0;

  function writeDay(): void {
    const deltas: FeedReachDelta[] = [];
    for (const [feed, f] of feeds) {
      if (f.requests === f.written && f.keys.size === f.writtenClients) continue;
      deltas.push({ day, feed, clients: f.keys.size, requests: f.requests - f.written });
    }
    recordFeedReach(db, deltas);
    for (const f of feeds.values()) {
      f.written = f.requests;
      f.writtenClients = f.keys.size;
    }
  }

  /** A new London day: the old day's counts are written, its hashes and salt forgotten. */
  function turnDayIfDue(nowMs: number): void {
    if (nowMs < dayEndsAt) return;
    if (day !== '') writeDay();
    day = londonDateOf(new Date(nowMs));
    dayEndsAt = startOfLondonDay(addDays(day, 1)).getTime();
    salt = randomBytes(32);
    feeds = new Map();
    keyCount = 0;
  }

  return {
    count(feed, clientAddress, userAgent) {
      turnDayIfDue(clock().getTime());
      let f = feeds.get(feed);
      if (f === undefined) {
        f = { keys: new Set(), requests: 0, written: 0, writtenClients: 0 };
        feeds.set(feed, f);
      }
      f.requests++;
      if (keyCount >= maxClientKeys) return;
      // 128 bits of the HMAC are plenty to tell a day's clients apart.
      const key = createHmac('sha256', salt)
        .update(clientAddress)
        .update('\n')
        .update(userAgent)
        .digest('base64url')
        .slice(0, 22);
      const before = f.keys.size;
      f.keys.add(key);
      if (f.keys.size > before) keyCount++;
    },
    flush() {
      turnDayIfDue(clock().getTime());
      writeDay();
    },
  };
}

/**
 * The reach name of a whole-calendar feed asked for with filters: 'all' without any, the filter's
 * own feed name with exactly one (all.ics?way=give is the give feed), and 'all' for several.
 */
export function feedNameOfQuery(query: {
  way?: string | undefined;
  venue?: string | undefined;
  area?: string | undefined;
  group?: string | undefined;
}): string {
  const named = (['way', 'venue', 'area', 'group'] as const).flatMap((field) => {
    const value = query[field];
    return value === undefined ? [] : [`${field}:${value}`];
  });
  return named.length === 1 ? (named[0] ?? 'all') : 'all';
}
