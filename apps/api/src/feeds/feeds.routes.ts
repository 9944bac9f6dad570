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
  type Session,
} from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { listAreas } from '../areas/areas.queries.ts';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { handleError, httpError, notFound } from '../http/errors.ts';
import { validateQuery } from '../http/validate.ts';
import { getSession, listSessions } from '../sessions/sessions.queries.ts';
import { getVenue, listVenues } from '../venues/venues.queries.ts';
import {
  renderCalendar,
  selectSessions,
  type FeedFilter,
  type FeedWindow,
} from './render-calendar.ts';

/** How often subscribers should look again: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
export const FEED_REFRESH_HOURS = 1;
/** Shared caches may keep a feed this long; after that a revalidation costs a 304. */
const FEED_MAX_AGE_SECONDS = 300;
const SITE_NAME = 'Five Ways Worcester';
const DAYS_BEFORE = 28;

export interface FeedRoutesDeps {
  db: Db;
  cache: ReadCache;
  publicUrl: string;
  clock: () => Date;
}

interface RenderedFeed {
  /** UTF-8 bytes, encoded once: re-encoding a large feed on every request costs most of the time. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Latest change among the sessions in the feed, or null for an empty feed. */
  lastModified: Date | null;
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

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match matches when any listed tag equals ours (weak comparison, as RFC 9110 asks). */
function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}

function isNotModified(c: Context, feed: RenderedFeed): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, feed.etag);
  const ifModifiedSince = c.req.header('if-modified-since');
  if (ifModifiedSince === undefined || feed.lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

function wayName(slug: string): string {
  return WAYS.find((w) => w.slug === slug)?.name ?? slug;
}

function describeFeed(parts: string[]): string {
  return parts.length === 0
    ? `Every session at ${SITE_NAME} community hubs and groups, by the five ways to wellbeing`
    : `${SITE_NAME} sessions: ${parts.join(', ')}`;
}

export function feedRoutes({ db, cache, publicUrl, clock }: FeedRoutesDeps) {
  /** Renders (or takes from the cache) the feed for a filter; `key` names the feed. */
  function feedFor(
    key: string,
    filter: FeedFilter,
    name: string,
    loadSessions: () => Session[],
  ): RenderedFeed {
    const window = feedWindow(clock());
    return cache.memo(`feed:${key}:${window.from}`, () => {
      const venues = listVenues(db);
      const sessions = selectSessions(loadSessions(), venues, filter, window);
      const body = renderCalendar({
        name: `${SITE_NAME} — ${name}`,
        description: describeFeed(name === 'All sessions' ? [] : [name]),
        sessions,
        venues,
        publicUrl,
        window,
        refreshHours: FEED_REFRESH_HOURS,
      });
      const latest = sessions.reduce<string | null>(
        (max, s) => (max === null || s.updatedAt > max ? s.updatedAt : max),
        null,
      );
      return {
        body: new Uint8Array(Buffer.from(body, 'utf8')),
        etag: etagOf(body),
        lastModified: latest === null ? null : new Date(latest),
      };
    });
  }

  function send(c: Context, feed: RenderedFeed, filename: string): Response {
    c.header('Cache-Control', `public, max-age=${FEED_MAX_AGE_SECONDS}`);
    c.header('ETag', feed.etag);
    if (feed.lastModified !== null) c.header('Last-Modified', feed.lastModified.toUTCString());
    if (isNotModified(c, feed)) return c.body(null, 304);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="${filename}"`);
    return c.body(feed.body, 200);
  }

  /** A feed file name in the path: 'be-active.ics' → 'be-active', or a 404. */
  function slugOf(file: string, what: string): string {
    const slug = file.slice(0, -'.ics'.length);
    if (!SlugSchema.safeParse(slug).success) throw notFound(what);
    return slug;
  }

  // Names of what a feed is about, cached like the feeds so a cached feed costs no query.
  function venueName(slug: string): string | null {
    return cache.memo(`feed-name:venue:${slug}`, () => getVenue(db, slug)?.name ?? null);
  }
  function areaName(slug: string): string | null {
    return cache.memo(
      `feed-name:area:${slug}`,
      () => listAreas(db).find((a) => a.slug === slug)?.name ?? null,
    );
  }
  function groupName(slug: string): string | null {
    return cache.memo(`feed-name:group:${slug}`, () => getGroup(db, slug)?.name ?? null);
  }

  const app = new Hono();
  app.onError(handleError);

  app.get('/feeds/all.ics', validateQuery(FeedQuerySchema), (c) => {
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
    return send(
      c,
      feedFor(key, filter, name, () => listSessions(db)),
      'five-ways-worcester.ics',
    );
  });

  app.get('/feeds/ways/:file{[^/]+\\.ics}', (c) => {
    const parsed = WaySlugSchema.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    if (!parsed.success) throw notFound('way to wellbeing with that name');
    const way = parsed.data;
    const feed = feedFor(`way:${way}`, { way }, wayName(way), () => listSessions(db, { way }));
    return send(c, feed, `${way}.ics`);
  });

  app.get('/feeds/venues/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'venue with that name');
    const name = venueName(slug);
    if (name === null) throw notFound(`venue called "${slug}"`);
    const feed = feedFor(`venue:${slug}`, { venue: slug }, name, () => listSessions(db));
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/areas/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'area with that name');
    const name = areaName(slug);
    if (name === null) throw notFound(`area called "${slug}"`);
    const feed = feedFor(`area:${slug}`, { area: slug }, name, () => listSessions(db));
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/groups/:file{[^/]+\\.ics}', (c) => {
    const slug = slugOf(c.req.param('file'), 'group with that name');
    const name = groupName(slug);
    if (name === null) throw notFound(`group called "${slug}"`);
    const feed = feedFor(`group:${slug}`, { group: slug }, name, () =>
      listSessions(db, { group: slug }),
    );
    return send(c, feed, `${slug}.ics`);
  });

  app.get('/feeds/sessions/:file{[^/]+\\.ics}', (c) => {
    const id = /^([1-9][0-9]{0,15})\.ics$/.exec(c.req.param('file'))?.[1];
    const session = id === undefined ? null : getSession(db, Number(id));
    if (session === null) throw notFound('session with that number');
    // An archived session's feed stays reachable but empty, so subscribers' copies go away.
    const feed = feedFor(`session:${session.id}`, { sessionId: session.id }, session.title, () =>
      session.status === 'active' ? [session] : [],
    );
    return send(c, feed, `session-${session.id}.ics`);
  });

  return app;
}

function unknownFilter(field: string, message: string) {
  return httpError(400, 'invalid_request', `${field}: ${message}`, [{ path: field, message }]);
}
