// The iCalendar feeds: validate the feed asked for, load, render with the pure renderer, cache
// the bytes and their ETag until the next write, and answer conditional requests with 304.

import { createHash } from 'node:crypto';
import {
  SlugSchema,
  WAYS,
  WaySlugSchema,
  addDays,
  dayNumberOf,
  fromDayNumber,
  londonDateOf,
  splitDate,
  toUtcDate,
  type Session,
  type Venue,
} from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { listAreas } from '../areas/areas.queries.ts';
import type { ReadCache } from '../cache/read-cache.ts';
import { sessionStoreFor } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { fieldError, notFound } from '../http/errors.ts';
import { Piece } from '../http/body-pieces.ts';
import { createPiecesBody, sendCompressed, type CompressedBody } from '../http/compressed-body.ts';
import { IdParamSchema } from '../http/params.ts';
import { validQuery } from '../http/router.ts';
import { latestUpdate } from '../meta/meta.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { CALENDAR_TAIL } from './ics-format.ts';
import {
  isInWindow,
  overridesInWindow,
  renderCalendarHead,
  renderSessionEvents,
  type FeedFilter,
  type FeedWindow,
} from './render-calendar.ts';

/** How often subscribers should look again: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
export const FEED_REFRESH_HOURS = 1;
/** Shared caches may keep a feed this long; after that a revalidation costs a 304. */
const FEED_MAX_AGE_SECONDS = 300;
const SITE_NAME = 'Five Ways Worcester';
const DAYS_BEFORE = 28;
const ETAG_LENGTH = 32;

export interface FeedRoutesDeps {
  db: Db;
  cache: ReadCache;
  publicUrl: string;
  clock: () => Date;
  /** Session ids per chunk; a write assembles one chunk of each feed holding it again. */
  chunkIds?: number | undefined;
  /**
   * Render every session's events in the background from the start, a few milliseconds at a
   * time, and say when done. Feeds asked for meanwhile wait for it instead of rendering
   * thousands of sessions in one go (about 10 s at 50,000 sessions) while nothing else answers.
   */
  onWarm?: ((report: { sessions: number; ms: number }) => void) | undefined;
}

interface RenderedFeed {
  /** The bytes, their ETag and their compressed forms, each made once. */
  body: CompressedBody;
  /** The latest change to anything a feed shows, or null for an empty database. */
  lastModified: Date | null;
}

/** One session's rendered events and what filters need to know, for one window. */
interface SessionBlock {
  window: FeedWindow;
  inWindow: boolean;
  bytes: Buffer;
  /** SHA-256 of `bytes`: a feed's ETag hashes these, not the megabytes they stand for. */
  digest: Buffer;
  /** The session's venue and the venues of its in-window dates moved elsewhere. */
  places: ReadonlySet<string>;
  areas: ReadonlySet<string>;
}

/**
 * Session ids per chunk of a feed by default: a write assembles one chunk of each feed again
 * (about 50 KB, under 2 ms to deflate), and all.ics at 50,000 sessions is about 800 chunks.
 */
const CHUNK_IDS = 64;
/** The longest the background warm-up holds the event loop at a time. */
const WARM_SLICE_MS = 8;
/** Feeds whose chunks are kept between writes; past this the least recently asked for goes. */
const MAX_KEPT_FEEDS = 2000;
const TAIL = new Piece(new Uint8Array(Buffer.from(CALENDAR_TAIL, 'utf8')));

const asBytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

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

/** From four weeks before today to the same day a year ahead, in London dates. */
export function feedWindow(now: Date): FeedWindow {
  const today = londonDateOf(now);
  const { year, month, day } = splitDate(today);
  return {
    from: addDays(today, -DAYS_BEFORE),
    to: fromDayNumber(dayNumberOf(year + 1, month, day)),
  };
}

const FeedQuerySchema = z.object({
  way: WaySlugSchema.optional(),
  venue: SlugSchema.optional(),
  area: SlugSchema.optional(),
  group: SlugSchema.optional(),
});

function wayName(slug: string): string {
  return WAYS.find((w) => w.slug === slug)?.name ?? slug;
}

function describeFeed(parts: string[]): string {
  return parts.length === 0
    ? `Every session at ${SITE_NAME} community hubs and groups, by the five ways to wellbeing`
    : `${SITE_NAME} sessions: ${parts.join(', ')}`;
}

export function feedRoutes({
  db,
  cache,
  publicUrl,
  clock,
  chunkIds = CHUNK_IDS,
  onWarm,
}: FeedRoutesDeps) {
  const store = sessionStoreFor(db, cache);
  // Kept against the session object: the store replaces a session's object when it changes,
  // so a write re-renders that session only, and a dropped session's block goes with it.
  const blocks = new WeakMap<Session, SessionBlock>();

  function blockOf(session: Session, window: FeedWindow): SessionBlock {
    const kept = blocks.get(session);
    if (kept !== undefined && kept.window.from === window.from && kept.window.to === window.to) {
      return kept;
    }
    const inWindow = isInWindow(session, window);
    const text = inWindow ? renderSessionEvents(session, venueMap(), publicUrl, window) : '';
    const bytes = Buffer.from(text, 'utf8');
    const places = new Set([session.venue.slug]);
    for (const o of overridesInWindow(session, window)) {
      if (o.venueSlug !== null && o.status === 'scheduled') places.add(o.venueSlug);
    }
    const areas = new Set(
      [...places].map((slug) => store.venue(slug)?.areaSlug ?? session.venue.areaSlug),
    );
    const block: SessionBlock = {
      window,
      inWindow,
      bytes,
      digest: createHash('sha256').update(bytes).digest(),
      places,
      areas,
    };
    blocks.set(session, block);
    return block;
  }

  function venueMap(): ReadonlyMap<string, Venue> {
    return cache.memo('feed-venues', () => new Map(store.venues().map((v) => [v.slug, v])));
  }

  /** Same rule as selectSessions, from each session's cached block. */
  function holds(session: Session, block: SessionBlock, filter: FeedFilter): boolean {
    if (!block.inWindow) return false;
    if (filter.sessionId !== undefined && session.id !== filter.sessionId) return false;
    if (filter.way !== undefined && !session.ways.some((w) => w === filter.way)) return false;
    if (filter.group !== undefined && session.group !== filter.group) return false;
    if (filter.venue !== undefined && !block.places.has(filter.venue)) return false;
    if (filter.area !== undefined && !block.areas.has(filter.area)) return false;
    return true;
  }

  /**
   * Any change to what feeds show moves this, so If-Modified-Since never gets a wrong 304: the
   * latest write to a venue, group, session (archived ones too) or occurrence, and the start of
   * today, since the window moves with the date.
   */
  function lastModified(window: FeedWindow): Date | null {
    return cache.memo(`feed-last-modified:${window.from}`, () => {
      const latest = latestUpdate(db);
      if (latest === null) return null;
      const today = toUtcDate(addDays(window.from, DAYS_BEFORE), '00:00');
      const data = new Date(latest);
      return data > today ? data : today;
    });
  }

  /** Kept between writes, by feed: what a write leaves alone is not assembled again. */
  const states = new Map<string, FeedState>();

  /** One chunk of a feed: its events for sessions with ids in one range, or null for none. */
  function chunkOf(bucket: number, filter: FeedFilter, window: FeedWindow): Chunk | null {
    const bytes: Buffer[] = [];
    const hash = createHash('sha256');
    for (const session of store.sessionsInRange(bucket * chunkIds, (bucket + 1) * chunkIds)) {
      const block = blockOf(session, window);
      if (!holds(session, block, filter)) continue;
      bytes.push(block.bytes);
      hash.update(block.digest);
    }
    if (bytes.length === 0) return null;
    return { piece: new Piece(asBytes(Buffer.concat(bytes))), digest: hash.digest() };
  }

  /** Brings a feed's chunks up to date: every chunk when new, else the chunks writes touched. */
  function chunksFor(key: string, filter: FeedFilter, window: FeedWindow): FeedState {
    store.sessions();
    const revision = store.revision();
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
        only !== null
          ? [only]
          : [...new Set(store.sessions().map((s) => Math.floor(s.id / chunkIds)))];
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

  /** Assembles (or takes from the cache) the feed for a filter; `key` names the feed. */
  function feedFor(key: string, filter: FeedFilter, name: string): RenderedFeed {
    const window = feedWindow(clock());
    return cache.memo(`feed:${key}:${window.from}`, () => {
      const version = cache.version();
      const state = chunksFor(key, filter, window);
      const headBytes = Buffer.from(
        renderCalendarHead({
          name: `${SITE_NAME} — ${name}`,
          description: describeFeed(name === 'All sessions' ? [] : [name]),
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

  function send(c: Context, feed: RenderedFeed, filename: string): Response {
    return sendCompressed(c, feed.body, {
      contentType: 'text/calendar; charset=utf-8',
      cacheControl: `public, max-age=${FEED_MAX_AGE_SECONDS}`,
      lastModified: feed.lastModified,
      headers: { 'Content-Disposition': `inline; filename="${filename}"` },
    });
  }

  /** A feed file name in the path: 'be-active.ics' → 'be-active', or a 404. */
  function slugOf(file: string, what: string): string {
    const slug = file.slice(0, -'.ics'.length);
    if (!SlugSchema.safeParse(slug).success) throw notFound(what);
    return slug;
  }

  // Names of what a feed is about, without a query for a cached feed; unknown names are not kept.
  function venueName(slug: string): string | null {
    return store.venue(slug)?.name ?? null;
  }
  function areaName(slug: string): string | null {
    return cache.memo('feed-areas', () => listAreas(db)).find((a) => a.slug === slug)?.name ?? null;
  }
  function groupName(slug: string): string | null {
    const names = cache.memo('feed-group-names', () => new Map<string, string>());
    const known = names.get(slug);
    if (known !== undefined) return known;
    const name = getGroup(db, slug)?.name ?? null;
    if (name !== null) names.set(slug, name);
    return name;
  }

  /** Set while the background warm-up runs; cleared when it is done. */
  let warming: Promise<void> | null = null;

  function warmUp(report: (r: { sessions: number; ms: number }) => void): Promise<void> {
    return new Promise<void>((resolve) => {
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
            if (session !== undefined) blockOf(session, window);
          }
        } catch {
          // Whatever failed fails again, visibly, when a feed is asked for; stop warming.
          next = sessions.length;
        }
        if (next < sessions.length) {
          setImmediate(slice);
        } else {
          report({ sessions: sessions.length, ms: Math.round(performance.now() - started) });
          resolve();
        }
      };
      setImmediate(slice);
    });
  }

  if (onWarm !== undefined) {
    warming = warmUp(onWarm).finally(() => {
      warming = null;
    });
  }

  const app = new Hono();
  // A session's own feed renders one session; every other feed waits for the warm-up.
  app.use('/feeds/*', async (c, next) => {
    if (warming !== null && !c.req.path.startsWith('/feeds/sessions/')) await warming;
    await next();
  });

  app.get('/feeds/all.ics', validQuery(FeedQuerySchema), (c) => {
    const query = c.req.valid('query');
    const names: string[] = [];
    if (query.way !== undefined) names.push(wayName(query.way));
    if (query.venue !== undefined) {
      const venue = venueName(query.venue);
      if (venue === null) throw unknownFilter('venue', `There is no venue called "${query.venue}"`);
      names.push(venue);
    }
    if (query.area !== undefined) {
      const area = areaName(query.area);
      if (area === null) throw unknownFilter('area', `There is no area called "${query.area}"`);
      names.push(area);
    }
    if (query.group !== undefined) {
      const group = groupName(query.group);
      if (group === null) throw unknownFilter('group', `There is no group called "${query.group}"`);
      names.push(group);
    }
    const filter: FeedFilter = query;
    const key = `all:${query.way ?? ''}:${query.venue ?? ''}:${query.area ?? ''}:${query.group ?? ''}`;
    const name = names.length === 0 ? 'All sessions' : names.join(', ');
    return send(c, feedFor(key, filter, name), 'five-ways-worcester.ics');
  });

  app.get('/feeds/ways/:file{[^/]+\\.ics}', (c) => {
    const parsed = WaySlugSchema.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    if (!parsed.success) throw notFound('way to wellbeing with that name');
    const way = parsed.data;
    const feed = feedFor(`way:${way}`, { way }, wayName(way));
    return send(c, feed, `${way}.ics`);
  });

  app.get('/feeds/venues/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'venue with that name');
    const name = venueName(slug);
    if (name === null) throw notFound(`venue called "${slug}"`);
    const feed = feedFor(`venue:${slug}`, { venue: slug }, name);
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/areas/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'area with that name');
    const name = areaName(slug);
    if (name === null) throw notFound(`area called "${slug}"`);
    const feed = feedFor(`area:${slug}`, { area: slug }, name);
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/groups/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'group with that name');
    const name = groupName(slug);
    if (name === null) throw notFound(`group called "${slug}"`);
    const feed = feedFor(`group:${slug}`, { group: slug }, name);
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/sessions/:file{[^/]+\\.ics}', (c) => {
    const id = IdParamSchema.shape.id.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    const session = id.success ? (store.activeSession(id.data) ?? getSession(db, id.data)) : null;
    if (session === null) throw notFound('session with that number');
    // An archived session's feed stays reachable but empty, so subscribers' copies go away.
    const feed = feedFor(`session:${session.id}`, { sessionId: session.id }, session.title);
    return send(c, feed, `session-${session.id}.ics`);
  });

  return app;
}

function unknownFilter(field: string, message: string) {
  return fieldError(field, message);
}
