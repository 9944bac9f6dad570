// What the conversation form offers, worked out from the day's sessions: the venues with
// sessions today first, the sessions at the chosen venue today, and the groups under each way.
import type { WaySlug } from '@fiveways/shared';

/** What the choices read of a venue, an occurrence and a group. */
interface VenueLike {
  slug: string;
  name: string;
  isHub: boolean;
}
interface OccurrenceLike {
  sessionId: number;
  start: string;
  status: string;
  venue: { slug: string };
}
interface GroupLike {
  name: string;
  ways: readonly string[];
}

/** How many venues get a button of their own; the rest are in a list underneath. */
export const SHORT_LIST = 6;

export interface VenueChoices<V extends VenueLike = VenueLike> {
  /** Big buttons: venues with sessions today (earliest first), then hubs. */
  short: V[];
  /** Every other venue, by name. */
  rest: V[];
}

/** Venues with a session today first (by their first start), then hubs, then the rest by name. */
export function orderVenues<V extends VenueLike>(
  venues: readonly V[],
  today: readonly OccurrenceLike[],
): VenueChoices<V> {
  const firstStart = new Map<string, string>();
  for (const o of today) {
    if (o.status !== 'scheduled') continue;
    const seen = firstStart.get(o.venue.slug);
    if (seen === undefined || o.start < seen) firstStart.set(o.venue.slug, o.start);
  }
  const byName = (a: V, b: V) => a.name.localeCompare(b.name, 'en-GB');
  const busy = venues
    .filter((v) => firstStart.has(v.slug))
    .sort((a, b) => (firstStart.get(a.slug) ?? '').localeCompare(firstStart.get(b.slug) ?? ''));
  const hubs = venues.filter((v) => !firstStart.has(v.slug) && v.isHub).sort(byName);
  const others = venues.filter((v) => !firstStart.has(v.slug) && !v.isHub).sort(byName);
  const ordered = [...busy, ...hubs, ...others];
  return { short: ordered.slice(0, SHORT_LIST), rest: ordered.slice(SHORT_LIST).sort(byName) };
}

/** The sessions on today at a venue, once each, by start time. */
export function sessionsAt<O extends OccurrenceLike>(
  venue: string | null,
  today: readonly O[],
): O[] {
  if (venue === null) return [];
  const seen = new Set<number>();
  return today
    .filter((o) => o.venue.slug === venue && o.status === 'scheduled')
    .sort((a, b) => a.start.localeCompare(b.start))
    .filter((o) => (seen.has(o.sessionId) ? false : (seen.add(o.sessionId), true)));
}

/** Each way's groups by name; a group under several ways is under each. */
export function groupsByWay<G extends GroupLike>(groups: readonly G[]): Record<WaySlug, G[]> {
  const of = (way: WaySlug) =>
    groups
      .filter((g) => g.ways.includes(way))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    connect: of('connect'),
    'be-active': of('be-active'),
    'take-notice': of('take-notice'),
    'keep-learning': of('keep-learning'),
    give: of('give'),
  };
}

/** '3 conversations · 4 took something home · 1 volunteering · …', the zero parts left out. */
export function describeTally(tally: {
  conversations: number;
  tookHome: number;
  volunteering: number;
  champion: number;
  panel: number;
}): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(tally.conversations, 'conversation', 'conversations'),
    tally.tookHome > 0 ? `${tally.tookHome} taken home` : '',
    tally.volunteering > 0 ? `${tally.volunteering} volunteering` : '',
    tally.champion > 0 ? `${tally.champion} becoming a Champion` : '',
    tally.panel > 0 ? `${tally.panel} residents’ panel` : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}
