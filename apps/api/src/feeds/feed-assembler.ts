// Assembles feeds from each session's rendered events, kept between writes, so a write renders the
// one session it changed and joins again only the chunk holding it in each feed asked for. Built
// for the large-scale target (docs/benchmarks.md); at Worcester's size a whole render would do.

import { createHash } from 'node:crypto';
import type { Session, Venue } from '@fiveways/shared';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { Piece } from '../http/body-pieces.ts';
import { runInSlices, type Sliced } from '../cache/slices.ts';
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
/** What a chunk costs beyond its bytes and segment: the objects that hold it. */
const CHUNK_OVERHEAD_BYTES = 200;
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
  /**
   * The feed for a filter as of now, from the read cache or assembled a slice at a time;
   * `key` names the feed, `name` titles it.
   */
  feedFor(key: string, filter: FeedFilter, name: string): Promise<AssembledFeed>;
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
  /**
   * SHA-256 of `bytes`, one byte per character: a feed's ETag hashes these, not the megabytes they
   * stand for. A string, not a buffer: fifty thousand small buffers are work for every GC.
   */
  digest: string;
}

/** What the feed rule needs to know of a session for one window, and its parts rendered so far. */
interface SessionBlocks {
  window: FeedWindow;
  reach: SessionReach;
  parts: Map<string, Block>;
}

interface Chunk {
  piece: Piece;
  /** SHA-256 over its sessions' block digests, one byte per character: a feed's ETag hashes these. */
  digest: string;
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

/**
 * What the read cache keeps of one feed across writes: its chunks, the feed last assembled from
 * them and the version it shows, and the assembly under way, if any.
 */
interface FeedEntry {
  state: FeedState | null;
  assembled: { version: number; windowFrom: string; feed: AssembledFeed } | null;
  pending: Promise<void> | null;
}

function sizeOfFeed(entry: FeedEntry): number {
  let bytes = entry.state?.head?.bytes.byteLength ?? 0;
  for (const chunk of entry.state?.chunks.values() ?? []) {
    bytes += chunk.piece.bytes.byteLength + CHUNK_OVERHEAD_BYTES;
    bytes += chunk.piece.segment?.deflated.byteLength ?? 0;
  }
  // Its bytes and gzip form are the chunks and their segments; br is its own.
  return bytes + (entry.assembled?.feed.body.sizes().br ?? 0);
}

/** Active sessions with ids from `from` up to but not including `to`, from an id-sorted list. */
function sessionsInRange(sorted: readonly Session[], from: number, to: number): Session[] {
  const indexOf = (id: number) => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid]?.id ?? Infinity) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(indexOf(from), indexOf(to));
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
    const block: Block = { bytes, digest: createHash('sha256').update(bytes).digest('binary') };
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

  /** One chunk of a feed: its events for sessions with ids in one range, or null for none. */
  function* chunkOf(
    sessions: readonly Session[],
    bucket: number,
    filter: FeedFilter,
    window: FeedWindow,
  ): Sliced<Chunk | null> {
    const bytes: Buffer[] = [];
    const hash = createHash('sha256');
    for (const session of sessionsInRange(sessions, bucket * chunkIds, (bucket + 1) * chunkIds)) {
      const kept = blocksOf(session, window);
      yield;
      const part = partOf(filter, session, kept.reach);
      if (part === null) continue;
      const block = blockOf(session, kept, part);
      bytes.push(block.bytes);
      hash.update(block.digest, 'binary');
    }
    if (bytes.length === 0) return null;
    return { piece: new Piece(asBytes(Buffer.concat(bytes))), digest: hash.digest('binary') };
  }

  /**
   * Brings a feed's chunks up to date with a snapshot of the sessions: every chunk when new or for
   * a new window, else the chunks that writes since touched. Returns the new state.
   */
  function* chunksFor(kept: FeedState | null, filter: FeedFilter, window: FeedWindow) {
    const { sessions, revision } = store.snapshot();
    const changed =
      kept !== null && kept.windowFrom === window.from ? store.changedSince(kept.revision) : null;
    // A session's feed looks only at its own chunk.
    const only = filter.sessionId === undefined ? null : Math.floor(filter.sessionId / chunkIds);
    const state: FeedState =
      kept === null || changed === null
        ? { windowFrom: window.from, revision, chunks: new Map(), head: null }
        : { ...kept, revision, chunks: new Map(kept.chunks) };
    const buckets =
      changed === null
        ? only !== null
          ? [only]
          : [...new Set(sessions.map((s) => Math.floor(s.id / chunkIds)))]
        : [...new Set([...changed].map((id) => Math.floor(id / chunkIds)))];
    for (const bucket of buckets) {
      if (only !== null && bucket !== only) continue;
      const chunk = yield* chunkOf(sessions, bucket, filter, window);
      if (chunk !== null) state.chunks.set(bucket, chunk);
      else state.chunks.delete(bucket);
    }
    return state;
  }

  /** Assembles the feed again from its chunks, brought up to date first, into `entry`. */
  function* assemble(
    entry: FeedEntry,
    entryKey: string,
    filter: FeedFilter,
    name: string,
    window: FeedWindow,
  ): Sliced<void> {
    const version = cache.version();
    const state = yield* chunksFor(entry.state, filter, window);
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
      hash.update(chunk.digest, 'binary');
    }
    pieces.push(TAIL);
    const feed: AssembledFeed = {
      body: createPiecesBody(pieces, hash.digest('base64url').slice(0, ETAG_LENGTH), {
        isCurrent: () => cache.version() === version,
        onGrow: () => cache.remeasure(entryKey),
      }),
      lastModified: lastModified(window),
    };
    entry.state = state;
    entry.assembled = { version, windowFrom: window.from, feed };
  }

  /** Starts assembling the feed again, unless that is under way already. */
  function reassemble(
    entry: FeedEntry,
    entryKey: string,
    filter: FeedFilter,
    name: string,
  ): Promise<void> {
    entry.pending ??= runInSlices(
      assemble(entry, entryKey, filter, name, feedWindow(clock())),
    ).finally(() => {
      entry.pending = null;
      cache.remeasure(entryKey);
    });
    return entry.pending;
  }

  async function feedFor(key: string, filter: FeedFilter, name: string): Promise<AssembledFeed> {
    const entryKey = `feed:${key}`;
    // Held for this request: a cache short of room may let it go meanwhile.
    const entry = cache.lasting<FeedEntry>(
      entryKey,
      () => ({ state: null, assembled: null, pending: null }),
      sizeOfFeed,
    );
    // The answer must show every write made before the request came.
    const asked = cache.version();
    for (;;) {
      const assembled = entry.assembled;
      if (assembled !== null && assembled.version >= asked) {
        if (assembled.windowFrom === feedWindow(clock()).from) return assembled.feed;
        // A new day moved the window: yesterday's feed is still right while today's is made.
        reassemble(entry, entryKey, filter, name).catch(() => undefined);
        return assembled.feed;
      }
      await reassemble(entry, entryKey, filter, name);
    }
  }

  function warmUp(): Promise<WarmUpReport> {
    const started = performance.now();
    let warmed = 0;
    function* renderEverySession(): Sliced<void> {
      yield; // from the first slice on, not while the app is being made
      const sessions = store.sessions();
      const window = feedWindow(clock());
      for (const session of sessions) {
        warmSession(session, window);
        warmed += 1;
        yield;
      }
    }
    // Whatever failed fails again, visibly, when a feed is asked for; stop warming.
    return runInSlices(renderEverySession())
      .catch(() => undefined)
      .then(() => ({ sessions: warmed, ms: Math.round(performance.now() - started) }));
  }

  return { feedFor, warmUp };
}
