// Assembles feeds from each session's rendered events, kept between writes, so a write renders the
// one session it changed and joins again only the chunk holding it in each feed asked for. Built
// for the large-scale target (docs/benchmarks.md); at Worcester's size a whole render would do.

import { createHash } from 'node:crypto';
import type { Session, Venue } from '@fiveways/shared';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { Piece } from '../http/body-pieces.ts';
import { createPiecesBody, type CompressedBody } from '../http/compressed-body.ts';
import { latestUpdate, readMeta } from '../meta/meta.queries.ts';
import {
  partOf,
  placeFiltersOf,
  reachOf,
  type FeedFilter,
  type SessionReach,
} from './feed-filter.ts';
import { feedLastModified, feedWindow, type FeedWindow } from './feed-window.ts';
import { CALENDAR_TAIL } from './ics-format.ts';
import {
  WHOLE,
  partKey,
  renderCalendarHead,
  renderSessionEvents,
  type SessionPart,
} from './render-calendar.ts';

/** How often subscribers should look again: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
export const FEED_REFRESH_HOURS = 1;
const SITE_NAME = 'Five Ways Worcester';
const ETAG_LENGTH = 32;
/** Session ids per chunk by default; docs/benchmarks.md has what one chunk costs to join again. */
const CHUNK_IDS = 64;
/** The longest the background warm-up holds the event loop at a time. */
const WARM_SLICE_MS = 8;
/** Feeds whose chunks are kept between writes; past this the least recently asked for goes. */
const MAX_KEPT_FEEDS = 2000;
const TAIL = new Piece(new Uint8Array(Buffer.from(CALENDAR_TAIL, 'utf8')));

const asBytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

export interface AssembledFeed {
  /** The bytes, their ETag and their compressed forms, each made once. */
  body: CompressedBody;
  /** The latest change to anything a feed shows, or null for an empty database. */
  lastModified: Date | null;
}

export interface WarmUpReport {
  sessions: number;
  ms: number;
}

export interface FeedAssembler {
  /** The feed for a filter, from the read cache or assembled; `key` names the feed, `name` titles it. */
  feedFor(key: string, filter: FeedFilter, name: string): AssembledFeed;
  /** Renders every session's events in the background, a few milliseconds at a time. */
  warmUp(): Promise<WarmUpReport>;
}

export interface FeedAssemblerDeps {
  db: Db;
  cache: ReadCache;
  sessionStore: SessionStore;
  publicUrl: string;
  clock: () => Date;
  /** Session ids per chunk; a write assembles one chunk of each feed holding it again. */
  chunkIds?: number | undefined;
}

/** One part of a session's rendered events (see SessionPart). */
interface Block {
  bytes: Buffer;
  /** SHA-256 of `bytes`: a feed's ETag hashes these, not the megabytes they stand for. */
  digest: Buffer;
}

/** What the feed rule needs to know of a session for one window, and its parts rendered so far. */
interface SessionBlocks {
  window: FeedWindow;
  reach: SessionReach;
  parts: Map<string, Block>;
}

interface Chunk {
  piece: Piece;
  /** SHA-256 over its sessions' block digests: a feed's ETag hashes these. */
  digest: Buffer;
}

/** A feed's chunks by chunk number, as of a store revision, for one window. */
interface FeedState {
  windowFrom: string;
  revision: number;
  chunks: Map<number, Chunk>;
  head: Piece | null;
}

/**
 * A feed's calendar name and description. On a database filled with the sample data both say
 * so, as the kiosk and public pages do, so nobody subscribes to made-up sessions unawares.
 */
export function feedTitles(
  name: string,
  sampleData: boolean,
): { name: string; description: string } {
  const description =
    name === 'All sessions'
      ? `Every session at ${SITE_NAME} community hubs and groups, by the five ways to wellbeing`
      : `${SITE_NAME} sessions: ${name}`;
  return sampleData
    ? {
        name: `${SITE_NAME} — ${name} (sample data)`,
        description: `Sample data: these are not real sessions. ${description}`,
      }
    : { name: `${SITE_NAME} — ${name}`, description };
}

export function createFeedAssembler({
  db,
  cache,
  sessionStore: store,
  publicUrl,
  clock,
  chunkIds = CHUNK_IDS,
}: FeedAssemblerDeps): FeedAssembler {
  // Kept against the session object: the store replaces a session's object when it changes,
  // so a write re-renders that session only, and a dropped session's block goes with it.
  const blocks = new WeakMap<Session, SessionBlocks>();

  function venueMap(): ReadonlyMap<string, Venue> {
    return cache.memo('feed-venues', () => new Map(store.venues().map((v) => [v.slug, v])));
  }

  function blocksOf(session: Session, window: FeedWindow): SessionBlocks {
    const kept = blocks.get(session);
    if (kept !== undefined && kept.window.from === window.from && kept.window.to === window.to) {
      return kept;
    }
    const reach = reachOf(session, window, (slug) => store.venue(slug)?.areaSlug);
    const fresh: SessionBlocks = { window, reach, parts: new Map() };
    blocks.set(session, fresh);
    return fresh;
  }

  /** A part of a session's events, rendered the first time a feed holding it is asked for. */
  function blockOf(session: Session, kept: SessionBlocks, part: SessionPart): Block {
    const key = partKey(part);
    const found = kept.parts.get(key);
    if (found !== undefined) return found;
    const text = renderSessionEvents(session, venueMap(), publicUrl, kept.window, part);
    const bytes = Buffer.from(text, 'utf8');
    const block = { bytes, digest: createHash('sha256').update(bytes).digest() };
    kept.parts.set(key, block);
    return block;
  }

  /** Renders every part of a session a feed may ask for: the whole, and any place's part. */
  function warmSession(session: Session, window: FeedWindow): void {
    const kept = blocksOf(session, window);
    if (!kept.reach.inWindow) return;
    blockOf(session, kept, WHOLE);
    for (const filter of placeFiltersOf(kept.reach)) {
      const part = partOf(filter, session, kept.reach);
      if (part !== null) blockOf(session, kept, part);
    }
  }

  function lastModified(window: FeedWindow): Date | null {
    return cache.memo(`feed-last-modified:${window.from}`, () =>
      feedLastModified(latestUpdate(db), window),
    );
  }

  /** Kept between writes, by feed: what a write leaves alone is not assembled again. */
  const states = new Map<string, FeedState>();

  /** One chunk of a feed: its events for sessions with ids in one range, or null for none. */
  function chunkOf(bucket: number, filter: FeedFilter, window: FeedWindow): Chunk | null {
    const bytes: Buffer[] = [];
    const hash = createHash('sha256');
    for (const session of store.sessionsInRange(bucket * chunkIds, (bucket + 1) * chunkIds)) {
      const kept = blocksOf(session, window);
      const part = partOf(filter, session, kept.reach);
      if (part === null) continue;
      const block = blockOf(session, kept, part);
      bytes.push(block.bytes);
      hash.update(block.digest);
    }
    if (bytes.length === 0) return null;
    return { piece: new Piece(asBytes(Buffer.concat(bytes))), digest: hash.digest() };
  }

  /** Brings a feed's chunks up to date: every chunk when new, else the chunks writes touched. */
  function chunksFor(key: string, filter: FeedFilter, window: FeedWindow): FeedState {
    const { sessions, revision } = store.snapshot();
    const kept = states.get(key);
    const changed =
      kept !== undefined && kept.windowFrom === window.from
        ? store.changedSince(kept.revision)
        : null;
    // A session's feed looks only at its own chunk.
    const only = filter.sessionId === undefined ? null : Math.floor(filter.sessionId / chunkIds);
    let state: FeedState;
    if (kept === undefined || changed === null) {
      state = { windowFrom: window.from, revision, chunks: new Map(), head: null };
      const buckets =
        only !== null ? [only] : [...new Set(sessions.map((s) => Math.floor(s.id / chunkIds)))];
      for (const bucket of buckets) {
        const chunk = chunkOf(bucket, filter, window);
        if (chunk !== null) state.chunks.set(bucket, chunk);
      }
    } else {
      state = { ...kept, revision, chunks: new Map(kept.chunks) };
      const buckets = new Set([...changed].map((id) => Math.floor(id / chunkIds)));
      for (const bucket of buckets) {
        if (only !== null && bucket !== only) continue;
        const chunk = chunkOf(bucket, filter, window);
        if (chunk !== null) state.chunks.set(bucket, chunk);
        else state.chunks.delete(bucket);
      }
    }
    states.delete(key);
    states.set(key, state);
    if (states.size > MAX_KEPT_FEEDS) {
      const oldest = states.keys().next();
      if (oldest.done !== true) states.delete(oldest.value);
    }
    return state;
  }

  function feedFor(key: string, filter: FeedFilter, name: string): AssembledFeed {
    const window = feedWindow(clock());
    return cache.memo(`feed:${key}:${window.from}`, () => {
      const version = cache.version();
      const state = chunksFor(key, filter, window);
      const sampleData = cache.memo('feed-sample-data', () => readMeta(db, 'sample_data') === '1');
      const headBytes = Buffer.from(
        renderCalendarHead({
          ...feedTitles(name, sampleData),
          refreshHours: FEED_REFRESH_HOURS,
        }),
        'utf8',
      );
      // The head's compressed segment is kept while its text stays the same.
      if (state.head === null || !headBytes.equals(state.head.bytes)) {
        state.head = new Piece(asBytes(headBytes));
      }
      const pieces: Piece[] = [state.head];
      const hash = createHash('sha256').update(headBytes);
      for (const bucket of [...state.chunks.keys()].sort((a, b) => a - b)) {
        const chunk = state.chunks.get(bucket);
        if (chunk === undefined) continue;
        pieces.push(chunk.piece);
        hash.update(chunk.digest);
      }
      pieces.push(TAIL);
      return {
        body: createPiecesBody(pieces, hash.digest('base64url').slice(0, ETAG_LENGTH), {
          isCurrent: () => cache.version() === version,
        }),
        lastModified: lastModified(window),
      };
    });
  }

  function warmUp(): Promise<WarmUpReport> {
    return new Promise<WarmUpReport>((resolve) => {
      const started = performance.now();
      let sessions: readonly Session[] = [];
      let window = feedWindow(clock());
      let next = -1;
      const slice = () => {
        const until = performance.now() + WARM_SLICE_MS;
        try {
          if (next < 0) {
            sessions = store.sessions();
            window = feedWindow(clock());
            next = 0;
          }
          while (next < sessions.length && performance.now() < until) {
            const session = sessions[next];
            next += 1;
            if (session !== undefined) warmSession(session, window);
          }
        } catch {
          // Whatever failed fails again, visibly, when a feed is asked for; stop warming.
          next = sessions.length;
        }
        if (next < sessions.length) {
          setImmediate(slice);
        } else {
          resolve({ sessions: sessions.length, ms: Math.round(performance.now() - started) });
        }
      };
      setImmediate(slice);
    });
  }

  return { feedFor, warmUp };
}
