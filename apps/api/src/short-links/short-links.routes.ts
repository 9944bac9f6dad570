// Short addresses from posters, flyers, sheets, kiosks and feeds (/w/be-active/p …): a 302 to the
// phone page, and one more visit counted for the day, the target and the source. Counts only: no
// cookie is set and nothing about the visitor is read or kept.
import {
  londonDateOf,
  parseShortLink,
  shortLinkPagePath,
  shortLinkTargetKey,
  WAY_SLUGS,
  type ShortLinkTarget,
} from '@fiveways/shared';
import type { MiddlewareHandler } from 'hono';
import { getArea } from '../areas/areas.queries.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { createVisitCounter } from './short-links.queries.ts';

export interface ShortLinkDeps {
  db: Db;
  sessionStore: SessionStore;
  clock: () => Date;
}

/** The first segment of a short address, cheaply, before reading it properly. */
const MAYBE_SHORT = /^\/(?:all|[whags])(?:\/|$)/i;

/** Whether what a short address names is there to be shown. */
export function createTargetCheck({ db, sessionStore }: Omit<ShortLinkDeps, 'clock'>) {
  return function targetExists(target: ShortLinkTarget): boolean {
    switch (target.kind) {
      case 'all':
        return true;
      case 'way':
        return WAY_SLUGS.some((w) => w === target.key);
      case 'venue':
        return sessionStore.venue(target.key) !== null;
      case 'area':
        return getArea(db, target.key) !== null;
      case 'group':
        return getGroup(db, target.key) !== null;
      case 'session': {
        // Archived sessions keep their page, which says they no longer run.
        const id = Number(target.key);
        return sessionStore.activeSession(id) !== null || getSession(db, id) !== null;
      }
    }
  };
}

/** A browser fetching ahead of a tap is not a visit. */
function isPrefetch(headers: Headers): boolean {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  return /prefetch|prerender/i.test(purpose);
}

/**
 * Answers GET (and HEAD) for a short address whose target exists; anything else goes on to the
 * routes after it, so an unknown short address gets the front end's not-found page (404).
 */
export function shortLinkRedirects(deps: ShortLinkDeps): MiddlewareHandler {
  const targetExists = createTargetCheck(deps);
  const countVisit = createVisitCounter(deps.db);
  return async function shortLinkRedirect(c, next) {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !MAYBE_SHORT.test(c.req.path)) return next();
    const link = parseShortLink(c.req.path);
    if (link === null || !targetExists(link.target)) return next();
    // A HEAD or a prefetch is a link checker or a browser guessing, not a person arriving.
    if (method === 'GET' && !isPrefetch(c.req.raw.headers)) {
      countVisit(londonDateOf(deps.clock()), shortLinkTargetKey(link.target), link.source);
    }
    // Every scan must reach us to be counted: no browser or proxy may keep the redirect.
    c.header('Cache-Control', 'no-store');
    return c.redirect(shortLinkPagePath(link.target), 302);
  };
}
