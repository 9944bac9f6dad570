// For the tests: a served feed, expanded by ical.js and by node-ical, must show what
// /api/occurrences says for the same filter, over the same dates.

import {
  OccurrenceListSchema,
  SessionSchema,
  VenueSchema,
  addDays,
  londonDateOf,
  toUtcDate,
} from '@fiveways/shared';
import { expect } from 'vitest';
import { z } from 'zod';
import { expandWithIcalJs, expandWithNodeIcal, type Seen } from './feed-parsers.ts';

/** Anything that answers HTTP requests like the app: the app itself, or a test wrapper. */
export type Requester = (path: string) => Promise<Response>;

export type Reading = Omit<Seen, 'summary'>;

/** Inclusive London dates; the API answers at most 93 days at a time. */
export async function occurrencesFromApi(
  request: Requester,
  from: string,
  to: string,
  query: string,
): Promise<Reading[]> {
  const seen: Reading[] = [];
  for (let start = from; start <= to; start = addDays(start, 93)) {
    const end = addDays(start, 92) < to ? addDays(start, 92) : to;
    const res = await request(`/api/occurrences?from=${start}&to=${end}${query}`);
    expect(res.status).toBe(200);
    const list = OccurrenceListSchema.parse(await res.json());
    for (const o of list.occurrences) {
      seen.push({
        sessionId: o.sessionId,
        start: new Date(o.start).toISOString(),
        end: new Date(o.end).toISOString(),
        status: o.status,
      });
    }
  }
  return seen;
}

export function sortedKeys(seen: readonly Reading[]): string[] {
  return seen.map((o) => `${o.sessionId} ${o.start} ${o.end} ${o.status}`).sort();
}

/** A date moved away from the place a feed is about: shown there as "Moved:", cancelled. */
function isMovedMarker(o: Seen): boolean {
  return o.status === 'cancelled' && o.summary.startsWith('Moved: ');
}

export interface FeedCheck {
  /** The feed's path, e.g. /feeds/venues/gorse-hill-hub.ics. */
  path: string;
  /** The same filter for /api/occurrences, e.g. '&venue=gorse-hill-hub' ('' for none). */
  query: string;
  /** Inclusive London dates to compare over (inside the feed's window). */
  from: string;
  to: string;
  /** For a session's own feed: the API has no such filter, so its share of the answer. */
  sessionId?: number | undefined;
}

/**
 * Checks one feed against the API with both parsers. A feed about a place may also show dates
 * moved from there to a place it is not about, as "Moved:" and cancelled, at the usual time:
 * each must be a date of that session changed to a venue outside the filter. Returns how many
 * occurrences each parser saw.
 */
export async function expectFeedMatchesApi(request: Requester, check: FeedCheck): Promise<number> {
  const res = await request(check.path);
  expect(res.status, check.path).toBe(200);
  const ics = await res.text();
  const answer = await occurrencesFromApi(request, check.from, check.to, check.query);
  const expected = sortedKeys(
    check.sessionId === undefined ? answer : answer.filter((o) => o.sessionId === check.sessionId),
  );
  const span = {
    from: toUtcDate(check.from, '00:00'),
    to: toUtcDate(addDays(check.to, 1), '00:00'),
  };
  const params = new URLSearchParams(check.query.replace(/^&/, ''));
  const venue = params.get('venue');
  const area = params.get('area');
  const parsers = [
    ['ical.js', expandWithIcalJs],
    ['node-ical', expandWithNodeIcal],
  ] as const;
  for (const [parser, expand] of parsers) {
    const seen = expand(ics, span);
    const moved = seen.filter(isMovedMarker);
    const rest = seen.filter((o) => !isMovedMarker(o));
    expect(sortedKeys(rest), `${parser} reading ${check.path}`).toEqual(expected);
    if (venue === null && area === null) {
      expect(moved, `${parser} reading ${check.path}`).toEqual([]);
      continue;
    }
    for (const marker of moved) {
      await expectMovedAway(request, marker, { venue, area });
    }
  }
  return expected.length;
}

const VenuesSchema = z.array(VenueSchema);

async function expectMovedAway(
  request: Requester,
  marker: Seen,
  place: { venue: string | null; area: string | null },
): Promise<void> {
  const session = SessionSchema.parse(
    await (await request(`/api/sessions/${marker.sessionId}`)).json(),
  );
  const venues = VenuesSchema.parse(await (await request('/api/venues')).json());
  const date = londonDateOf(new Date(marker.start));
  const change = session.exceptions.find((e) => e.date === date && e.kind === 'changed');
  const to = venues.find((v) => v.slug === change?.venueSlug);
  const where = `${session.title} on ${date}`;
  expect(to, `${where} is marked as moved away`).toBeDefined();
  if (to === undefined) return;
  const here =
    (place.venue === null || to.slug === place.venue) &&
    (place.area === null || to.areaSlug === place.area);
  expect(here, `${where} moved to ${to.slug}, outside the feed`).toBe(false);
  expect(marker.start, `${where} is shown at its usual time`).toBe(
    toUtcDate(date, session.startTime).toISOString(),
  );
}
