// When a resident's choices find nothing, the nearest matches, each made by letting go of one
// choice: the next date that matches, the same way in a neighbouring area, the same day any way,
// and so on. Pure, so the kiosk's screen only has to draw them.
import type { Occurrence, Venue } from '@fiveways/shared';
import { addDays } from '@fiveways/shared/dates';
import { hasEnded } from '@fiveways/shared/ended';
import { wallDateOf } from '@fiveways/shared/london-time';
import { AHEAD_DAYS, ANY_DAY, filterOccurrences, matchesChoices, type Filters } from './filters.ts';

/** The choice a suggestion lets go of. */
export type Relaxed = 'day' | 'area' | 'venue' | 'way' | 'audience' | 'freeOnly' | 'dropInOnly';

export interface Suggestion {
  relaxes: Relaxed;
  /** The choices with that one changed: what tapping the suggestion shows. */
  filters: Filters;
  /** How many that finds, and the first of them to show on the card. */
  count: number;
  first: Occurrence;
}

/** At most this many suggestions: enough to choose from, few enough to read. */
export const MAX_SUGGESTIONS = 4;

/** The matching occurrences of a search, dated or "starting soon". */
export type Search = (filters: Filters) => Occurrence[];

/** Dated search over what the kiosk holds (the next four weeks), for dated choices. */
export function datedSearch(occurrences: readonly Occurrence[], today: string, nowMs: number) {
  return (filters: Filters) => filterOccurrences(occurrences, filters, today, nowMs);
}

/**
 * Areas nearest to an area first, by the distance between the middles of their venues. Areas
 * with no located venue come last, in the order given.
 */
export function nearestAreas(area: string, venues: readonly Venue[]): string[] {
  const middles = new Map<string, { lat: number; lon: number; n: number }>();
  const order: string[] = [];
  for (const v of venues) {
    if (!order.includes(v.areaSlug)) order.push(v.areaSlug);
    if (v.latitude === null || v.longitude === null) continue;
    const m = middles.get(v.areaSlug) ?? { lat: 0, lon: 0, n: 0 };
    middles.set(v.areaSlug, { lat: m.lat + v.latitude, lon: m.lon + v.longitude, n: m.n + 1 });
  }
  const middleOf = (slug: string) => {
    const m = middles.get(slug);
    return m ? { lat: m.lat / m.n, lon: m.lon / m.n } : null;
  };
  const home = middleOf(area);
  // Close enough to flat at a city's scale: a degree of longitude is ~0.62 of one of latitude.
  const distance = (slug: string) => {
    const there = middleOf(slug);
    if (!home || !there) return Number.POSITIVE_INFINITY;
    return Math.hypot(there.lat - home.lat, (there.lon - home.lon) * 0.62);
  };
  return order
    .filter((slug) => slug !== area)
    .map((slug, i) => ({ slug, i, d: distance(slug) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.slug);
}

function suggestion(relaxes: Relaxed, filters: Filters, found: Occurrence[]): Suggestion | null {
  const first = found[0];
  return first ? { relaxes, filters, count: found.length, first } : null;
}

/** The next date in the four weeks with a match for every choice but the day, as a date choice. */
function nextMatchingDate(
  occurrences: readonly Occurrence[],
  filters: Filters,
  today: string,
  nowMs: number,
): string | null {
  const last = addDays(today, AHEAD_DAYS - 1);
  const skip = filters.day;
  for (const o of occurrences) {
    const date = wallDateOf(o.start);
    if (date < today || date > last || date === skip) continue;
    if (!hasEnded(o, nowMs) && matchesChoices(o, filters)) return date;
  }
  return null;
}

/**
 * Suggestions for choices that found nothing, nearest first: another date, a neighbouring area,
 * another place, any way, then who it is for, cost and booking. Each lets go of one choice and
 * finds at least one thing; none when nothing is close.
 */
export function suggestAlternatives(
  filters: Filters,
  search: Search,
  occurrences: readonly Occurrence[],
  venues: readonly Venue[],
  today: string,
  nowMs: number,
): Suggestion[] {
  const out: (Suggestion | null)[] = [];
  if (!filters.soon) {
    const date = nextMatchingDate(occurrences, filters, today, nowMs);
    if (date !== null) {
      const next = { ...filters, ...ANY_DAY, day: date };
      out.push(suggestion('day', next, search(next)));
    }
  }
  if (filters.area !== null) {
    for (const area of nearestAreas(filters.area, venues)) {
      const nearby = { ...filters, area };
      const found = search(nearby);
      if (found.length > 0) {
        out.push(suggestion('area', nearby, found));
        break;
      }
    }
  }
  if (filters.venue !== null) {
    const anywhere = { ...filters, venue: null };
    out.push(suggestion('venue', anywhere, search(anywhere)));
  }
  if (filters.way !== null) {
    const anyWay = { ...filters, way: null };
    out.push(suggestion('way', anyWay, search(anyWay)));
  }
  if (filters.audience !== null) {
    const anyone = { ...filters, audience: null };
    out.push(suggestion('audience', anyone, search(anyone)));
  }
  if (filters.freeOnly) {
    const any = { ...filters, freeOnly: false };
    out.push(suggestion('freeOnly', any, search(any)));
  }
  if (filters.dropInOnly) {
    const any = { ...filters, dropInOnly: false };
    out.push(suggestion('dropInOnly', any, search(any)));
  }
  return out.filter((s): s is Suggestion => s !== null).slice(0, MAX_SUGGESTIONS);
}
