// Which sessions a feed holds: one rule, used by the served feeds and by the reference render.

import type { Session } from '@fiveways/shared';
import type { FeedWindow } from './feed-window.ts';
import { isInWindow, overridesInWindow } from './render-calendar.ts';

/** What a feed is about: every filter given must match. */
export interface FeedFilter {
  way?: string | undefined;
  venue?: string | undefined;
  area?: string | undefined;
  group?: string | undefined;
  sessionId?: number | undefined;
}

/** What the rule needs to know of a session over one window; worked out once per session. */
export interface SessionReach {
  /** The session has something to show in the window: an occurrence or an override. */
  inWindow: boolean;
  /** The session's venue and the venues of its in-window dates moved elsewhere. */
  venues: ReadonlySet<string>;
  /** The areas of those venues. */
  areas: ReadonlySet<string>;
}

/** `areaOf` gives a venue's area; a venue it does not know counts as in the session's own. */
export function reachOf(
  session: Session,
  window: FeedWindow,
  areaOf: (venueSlug: string) => string | undefined,
): SessionReach {
  const venues = new Set([session.venue.slug]);
  for (const o of overridesInWindow(session, window)) {
    if (o.venueSlug !== null && o.status === 'scheduled') venues.add(o.venueSlug);
  }
  const areas = new Set([...venues].map((slug) => areaOf(slug) ?? session.venue.areaSlug));
  return { inWindow: isInWindow(session, window), venues, areas };
}

/**
 * True when a feed holds the session: it is active, has something in the window, and matches
 * every filter. Way, group and session filters look at the session. Venue and area filters also
 * take a session one of whose in-window occurrences was moved there, and then take it whole: its
 * master and all its overrides. A feed never holds an override without its master, and the UID
 * means one thing in every feed. So a subscriber to the venue it moved to sees the moved date
 * where it now happens, among the session's usual dates, each showing its own LOCATION; a
 * subscriber to its usual venue sees the moved date with its new place and time.
 */
export function feedHolds(filter: FeedFilter, session: Session, reach: SessionReach): boolean {
  if (session.status !== 'active' || !reach.inWindow) return false;
  if (filter.sessionId !== undefined && session.id !== filter.sessionId) return false;
  if (filter.way !== undefined && !session.ways.some((w) => w === filter.way)) return false;
  if (filter.group !== undefined && session.group !== filter.group) return false;
  if (filter.venue !== undefined && !reach.venues.has(filter.venue)) return false;
  if (filter.area !== undefined && !reach.areas.has(filter.area)) return false;
  return true;
}
