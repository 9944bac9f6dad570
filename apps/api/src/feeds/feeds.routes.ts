// The iCalendar feeds: validate the feed asked for, find what it is named after (404 or 400 when
// nothing is), and send the assembled feed with its ETag and Last-Modified, or a 304.

import { SlugSchema, WaySlugSchema } from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { notFound } from '../http/errors.ts';
import { sendCompressed } from '../http/compressed-body.ts';
import { clientAddressOf } from '../http/client-address.ts';
import { createFilterCheck } from '../http/filter-references.ts';
import { IdParamSchema } from '../http/params.ts';
import { validQuery } from '../http/router.ts';
import { feedNameOfQuery, type FeedReach } from '../reach/feed-reach.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { createFeedAssembler, type AssembledFeed, type WarmUpReport } from './feed-assembler.ts';
import { createFeedNames } from './feed-names.ts';

/** Shared caches may keep a feed this long; after that a revalidation costs a 304. */
const FEED_MAX_AGE_SECONDS = 300;

export interface FeedRoutesDeps {
  db: Db;
  cache: ReadCache;
  sessionStore: SessionStore;
  publicUrl: string;
  clock: () => Date;
  /** Session ids per chunk; a write assembles one chunk of each feed holding it again. */
  chunkIds?: number | undefined;
  /**
   * Render every session's events in the background from the start, and say when done. Feeds
   * asked for meanwhile wait for it instead of rendering every session in one go while nothing
   * else answers (docs/benchmarks.md has how long that takes at scale).
   */
  onWarm?: ((report: WarmUpReport) => void) | undefined;
  /** Counts each answered feed request towards the feed's daily reach (reach/feed-reach.ts). */
  reach?: FeedReach | undefined;
  /** Proxies whose X-Forwarded-For names the client, for the reach count. */
  trustedProxies?: ReadonlySet<string> | undefined;
}

export const FeedQuerySchema = z.object({
  way: WaySlugSchema.optional(),
  venue: SlugSchema.optional(),
  area: SlugSchema.optional(),
  group: SlugSchema.optional(),
});

export function feedRoutes({
  db,
  cache,
  sessionStore,
  publicUrl,
  clock,
  chunkIds,
  onWarm,
  reach,
  trustedProxies = new Set(),
}: FeedRoutesDeps) {
  const feeds = createFeedAssembler({ db, cache, sessionStore, publicUrl, clock, chunkIds });
  const names = createFeedNames(db, cache);
  const checkFilterReferences = createFilterCheck(db, cache);

  /** Set while the background warm-up runs; cleared when it is done. */
  let warming: Promise<void> | null = null;
  if (onWarm !== undefined) {
    warming = feeds
      .warmUp()
      .then(onWarm)
      .finally(() => {
        warming = null;
      });
  }

  /** Counts a request for a feed that exists (a 200 or a 304 follows), by client and agent. */
  function countReach(c: Context, feed: string): void {
    reach?.count(feed, clientAddressOf(c, trustedProxies), c.req.header('user-agent') ?? '');
  }

  async function send(
    c: Context,
    assembling: Promise<AssembledFeed>,
    filename: string,
  ): Promise<Response> {
    const feed = await assembling;
    return sendCompressed(c, feed.body, {
      contentType: 'text/calendar; charset=utf-8',
      cacheControl: `public, max-age=${FEED_MAX_AGE_SECONDS}`,
      lastModified: feed.lastModified,
      headers: { 'Content-Disposition': `inline; filename="${filename}"` },
    });
  }

  const app = new Hono();
  // Only a session's own feed, which renders one session, is answered before the warm-up ends.
  app.use('/feeds/*', async (c, next) => {
    if (warming !== null && !c.req.path.startsWith('/feeds/sessions/')) await warming;
    await next();
  });

  app.get('/feeds/all.ics', validQuery(FeedQuerySchema), (c) => {
    const query = c.req.valid('query');
    checkFilterReferences(query);
    const parts: string[] = [];
    if (query.way !== undefined) parts.push(names.way(query.way) ?? query.way);
    for (const field of ['venue', 'area', 'group'] as const) {
      const slug = query[field];
      if (slug !== undefined) parts.push(names[field](slug) ?? slug);
    }
    const key = `all:${query.way ?? ''}:${query.venue ?? ''}:${query.area ?? ''}:${query.group ?? ''}`;
    const name = parts.length === 0 ? 'All sessions' : parts.join(', ');
    countReach(c, feedNameOfQuery(query));
    return send(c, feeds.feedFor(key, query, name), 'five-ways-worcester.ics');
  });

  app.get('/feeds/ways/:file{[^/]+\\.ics}', (c) => {
    const parsed = WaySlugSchema.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    if (!parsed.success) throw notFound('way to wellbeing with that name');
    const way = parsed.data;
    const feed = feeds.feedFor(`way:${way}`, { way }, names.way(way) ?? way);
    countReach(c, `way:${way}`);
    return send(c, feed, `${way}.ics`);
  });

  app.get('/feeds/venues/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'venue with that name');
    const name = names.venue(slug);
    if (name === null) throw notFound(`venue called "${slug}"`);
    countReach(c, `venue:${slug}`);
    return send(c, feeds.feedFor(`venue:${slug}`, { venue: slug }, name), `${slug}.ics`);
  });

  app.get('/feeds/areas/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'area with that name');
    const name = names.area(slug);
    if (name === null) throw notFound(`area called "${slug}"`);
    countReach(c, `area:${slug}`);
    return send(c, feeds.feedFor(`area:${slug}`, { area: slug }, name), `${slug}.ics`);
  });

  app.get('/feeds/groups/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'group with that name');
    const name = names.group(slug);
    if (name === null) throw notFound(`group called "${slug}"`);
    countReach(c, `group:${slug}`);
    return send(c, feeds.feedFor(`group:${slug}`, { group: slug }, name), `${slug}.ics`);
  });

  app.get('/feeds/sessions/:file{[^/]+\\.ics}', (c) => {
    const id = IdParamSchema.shape.id.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    const session = id.success
      ? (sessionStore.activeSession(id.data) ?? getSession(db, id.data))
      : null;
    if (session === null) throw notFound('session with that number');
    // An archived session's feed stays reachable but empty, so subscribers' copies go away.
    const feed = feeds.feedFor(`session:${session.id}`, { sessionId: session.id }, session.title);
    countReach(c, `session:${session.id}`);
    return send(c, feed, `session-${session.id}.ics`);
  });

  return app;
}

/** A feed file name in the path: 'be-active.ics' → 'be-active', or a 404. */
function slugOf(file: string, what: string): string {
  const slug = file.slice(0, -'.ics'.length);
  if (!SlugSchema.safeParse(slug).success) throw notFound(what);
  return slug;
}
