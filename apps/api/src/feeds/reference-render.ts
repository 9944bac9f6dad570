// A whole feed rendered from scratch in one go: what the served feeds, assembled from cached
// chunks, must equal byte for byte. Used by the tests, the golden files and the benchmarks.

import type { Session, Venue } from '@fiveways/shared';
import { feedHolds, reachOf, type FeedFilter } from './feed-filter.ts';
import type { FeedWindow } from './feed-window.ts';
import { CALENDAR_TAIL } from './ics-format.ts';
import { renderCalendarHead, renderSessionEvents } from './render-calendar.ts';

export interface RenderCalendarInput {
  name: string;
  description: string;
  sessions: readonly Session[];
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

/** The sessions a filtered feed holds, by the rule the served feeds use (see feedHolds). */
export function selectSessions(
  sessions: readonly Session[],
  venues: readonly Venue[],
  filter: FeedFilter,
  window: FeedWindow,
): Session[] {
  const areaOf = areaLookup(venues);
  return sessions.filter((s) => feedHolds(filter, s, reachOf(s, window, areaOf)));
}

/** The whole feed, as the bytes to serve. Archived sessions and those outside the window are left out. */
export function renderCalendar(input: RenderCalendarInput): string {
  const venues = new Map(input.venues.map((v) => [v.slug, v]));
  const sessions = selectSessions(input.sessions, input.venues, {}, input.window).sort(
    (a, b) => a.id - b.id,
  );
  let body = renderCalendarHead({
    name: input.name,
    description: input.description,
    refreshHours: input.refreshHours,
  });
  for (const session of sessions) {
    body += renderSessionEvents(session, venues, input.publicUrl, input.window);
  }
  return body + CALENDAR_TAIL;
}
