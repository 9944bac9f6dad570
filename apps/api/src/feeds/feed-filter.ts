// Which sessions a feed holds, and which part of each: one rule, used by the served feeds and by
// the reference render.

import type { Session } from '@fiveways/shared';
import type { FeedWindow } from './feed-window.ts';
import {
  WHOLE,
  isInWindow,
  oneOffOccurrence,
  overridesInWindow,
  type SessionPart,
} from './render-calendar.ts';

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
  /** Where its series is held; for a one-off, where its one occurrence now is. */
  home: string;
  /** Venues its in-window dates moved to, other than home. */
  movedTo: ReadonlySet<string>;
  /** Of those, the venues where a moved date now happens inside the window. */
  visits: ReadonlySet<string>;
  /** The area of home and of each venue moved to. */
  areaOf: ReadonlyMap<string, string>;
}

/** `areaOf` gives a venue's area; a venue it does not know counts as in the session's own. */
export function reachOf(
  session: Session,
  window: FeedWindow,
  areaOf: (venueSlug: string) => string | undefined,
): SessionReach {
  let home = session.venue.slug;
  const movedTo = new Set<string>();
  const visits = new Set<string>();
  if (session.repeat === null) {
    home = oneOffOccurrence(session)?.venueSlug ?? home;
  } else {
    for (const o of overridesInWindow(session, window)) {
      if (o.status !== 'scheduled' || o.venueSlug === null || o.venueSlug === home) continue;
      movedTo.add(o.venueSlug);
      if (o.startDate >= window.from && o.startDate <= window.to) visits.add(o.venueSlug);
    }
  }
  const areas = new Map<string, string>();
  for (const slug of [home, ...movedTo]) {
    areas.set(slug, areaOf(slug) ?? session.venue.areaSlug);
  }
  return { inWindow: isInWindow(session, window), home, movedTo, visits, areaOf: areas };
}

/**
 * The part of the session a feed holds, or null when it holds none: the session must be active,
 * have something in the window, and match every filter. Way, group and session filters look at
 * the session, and a feed with only those holds it whole. A feed about a place (venue, area or
 * both) holds exactly what happens there: the series where it is usually held, with the dates
 * moved away marked as moved; elsewhere, only the dates moved there, as events of their own. So
 * a move for one date never puts the whole series into another place's feed, and a UID means one
 * thing in every feed.
 */
export function partOf(
  filter: FeedFilter,
  session: Session,
  reach: SessionReach,
): SessionPart | null {
  if (session.status !== 'active' || !reach.inWindow) return null;
  if (filter.sessionId !== undefined && session.id !== filter.sessionId) return null;
  if (filter.way !== undefined && !session.ways.some((w) => w === filter.way)) return null;
  if (filter.group !== undefined && session.group !== filter.group) return null;
  if (filter.venue === undefined && filter.area === undefined) return WHOLE;
  const here = (slug: string) =>
    (filter.venue === undefined || slug === filter.venue) &&
    (filter.area === undefined || reach.areaOf.get(slug) === filter.area);
  if (here(reach.home)) {
    const elsewhere = [...reach.movedTo].filter((slug) => !here(slug));
    return elsewhere.length === 0 ? WHOLE : { kind: 'home', elsewhere: new Set(elsewhere) };
  }
  const visits = [...reach.visits].filter(here);
  return visits.length === 0 ? null : { kind: 'visits', venues: new Set(visits) };
}

/** True when a feed holds any part of the session (see partOf). */
export function feedHolds(filter: FeedFilter, session: Session, reach: SessionReach): boolean {
  return partOf(filter, session, reach) !== null;
}

/**
 * The place filters whose feeds may hold a part of this session other than the whole: one for
 * each venue it is held or moved to, and one for each of their areas. Warming these up leaves
 * no place's feed to render anything on its first request.
 */
export function placeFiltersOf(reach: SessionReach): FeedFilter[] {
  if (reach.movedTo.size === 0) return [];
  const venues = [reach.home, ...reach.movedTo];
  const areas = new Set(venues.map((v) => reach.areaOf.get(v)));
  return [
    ...venues.map((venue) => ({ venue })),
    ...[...areas].flatMap((area) => (area === undefined ? [] : [{ area }])),
  ];
}
