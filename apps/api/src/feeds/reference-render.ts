// A whole feed rendered from scratch in one go: what the served feeds, assembled from cached
// chunks, must equal byte for byte. Used by the tests, the golden files and the benchmarks.

import type { Session, Venue } from '@fiveways/shared';
import { partOf, reachOf, type FeedFilter } from './feed-filter.ts';
import type { FeedWindow } from './feed-window.ts';
import { CALENDAR_TAIL } from './ics-format.ts';
import { renderCalendarHead, renderSessionEvents } from './render-calendar.ts';

export interface RenderCalendarInput {
  name: string;
  description: string;
  sessions: readonly Session[];
  /** What the feed is about: which sessions it holds, and which part of each. */
  filter?: FeedFilter;
  /** Every venue a session or a moved occurrence may name. */
  venues: readonly Venue[];
  publicUrl: string;
  window: FeedWindow;
  refreshHours: number;
}

function areaLookup(venues: readonly Venue[]): (slug: string) => string | undefined {
  const areaOf = new Map(venues.map((v) => [v.slug, v.areaSlug]));
  return (slug) => areaOf.get(slug);
}

/** The sessions a filtered feed holds any part of, by the rule the served feeds use (see partOf). */
export function selectSessions(
  sessions: readonly Session[],
  venues: readonly Venue[],
  filter: FeedFilter,
  window: FeedWindow,
): Session[] {
  const areaOf = areaLookup(venues);
  return sessions.filter((s) => partOf(filter, s, reachOf(s, window, areaOf)) !== null);
}

/**
 * The whole feed, as the bytes to serve: the part of each session the filter holds (all of each
 * when there is none). Archived sessions and those outside the window are left out.
 */
export function renderCalendar(input: RenderCalendarInput): string {
  const venues = new Map(input.venues.map((v) => [v.slug, v]));
  const areaOf = areaLookup(input.venues);
  const sessions = [...input.sessions].sort((a, b) => a.id - b.id);
  let body = renderCalendarHead({
    name: input.name,
    description: input.description,
    refreshHours: input.refreshHours,
  });
  for (const session of sessions) {
    const part = partOf(input.filter ?? {}, session, reachOf(session, input.window, areaOf));
    if (part === null) continue;
    body += renderSessionEvents(session, venues, input.publicUrl, input.window, part);
  }
  return body + CALENDAR_TAIL;
}
