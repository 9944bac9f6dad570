// Distinct calendar clients per feed per London day, without keeping who they are. Each request's
// client address and user agent are hashed (HMAC-SHA256) with a salt made at random for the day;
// only the hashes are held, in memory, and only their number is written. The salt lives in memory
// and is dropped when the day ends, so a hash cannot be matched to an address afterwards, nor to
// the next day's. Hashing is batched about once a second, each waiting client once, so a feed
// request pays for a Set lookup rather than a hash (docs/PRIVACY.md has the figures).
import { hash, randomBytes } from 'node:crypto';
import { addDays } from '@fiveways/shared/dates';
import { londonDateOf, startOfLondonDay } from '@fiveways/shared/london-time';
import type { Db } from '../db/open-db.ts';
import { recordFeedReach, type FeedReachDelta } from './reach.queries.ts';

/** Hashes held at most in one day; past it new clients are not told apart (requests still count). */
export const DEFAULT_MAX_CLIENT_KEYS = 250_000;
/** Requests are hashed in batches this often, off the request's own path. */
const HASH_EVERY_MS = 1000;
/** ...or at once when this many different clients wait. */
const HASH_AT_PENDING = 10_000;
const SHA256_BLOCK = 64;

/**
 * HMAC-SHA256 (RFC 2104) under `salt`, as 128 bits in base64url. Written with two one-shot
 * hashes over precomputed pads: the same value as createHmac at about half its cost per call.
 */
export function createDailyKeyer(salt: Buffer): (message: string) => string {
  const inner = Buffer.alloc(SHA256_BLOCK, 0x36);
  const outer = Buffer.alloc(SHA256_BLOCK, 0x5c);
  for (let i = 0; i < salt.length; i++) {
    inner[i] = (inner[i] ?? 0) ^ (salt[i] ?? 0);
    outer[i] = (outer[i] ?? 0) ^ (salt[i] ?? 0);
  }
  return (message) => {
    const innerHash = hash('sha256', Buffer.concat([inner, Buffer.from(message)]), 'buffer');
    return hash('sha256', Buffer.concat([outer, innerHash]), 'base64url').slice(0, 22);
  };
}

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
  // 32 random bytes, never written anywhere; replaced when the London day ends.
  let keyOf = createDailyKeyer(randomBytes(32));
  let feeds = new Map<string, FeedDay>();
  let keyCount = 0;
  // Clients seen since the last hashing, per feed: held for about a second, never written.
  let pending = new Map<string, Set<string>>();
  let pendingCount = 0;
  let hashTimer: NodeJS.Timeout | null = null;

  /** Hashes the clients waiting (each once, however often it asked) into the day's keys. */
  function hashPending(): void {
    if (hashTimer !== null) clearTimeout(hashTimer);
    hashTimer = null;
    for (const [feed, clients] of pending) {
      const f = feeds.get(feed);
      if (f === undefined) continue;
      for (const client of clients) {
        if (keyCount >= maxClientKeys) break;
        const before = f.keys.size;
        f.keys.add(keyOf(client));
        if (f.keys.size > before) keyCount++;
      }
    }
    pending = new Map();
    pendingCount = 0;
  }

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
    hashPending();
    if (day !== '') writeDay();
    day = londonDateOf(new Date(nowMs));
    dayEndsAt = startOfLondonDay(addDays(day, 1)).getTime();
    keyOf = createDailyKeyer(randomBytes(32));
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
      let clients = pending.get(feed);
      if (clients === undefined) {
        clients = new Set();
        pending.set(feed, clients);
      }
      const client = `${clientAddress}\n${userAgent}`;
      if (clients.has(client)) return;
      clients.add(client);
      pendingCount++;
      if (pendingCount >= HASH_AT_PENDING) hashPending();
      else if (hashTimer === null) {
        hashTimer = setTimeout(hashPending, HASH_EVERY_MS);
        hashTimer.unref();
      }
    },
    flush() {
      turnDayIfDue(clock().getTime());
      hashPending();
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
