import type { Audience, Occurrence, WaySlug } from '@fiveways/shared';
import { addDays } from '@fiveways/shared/dates';
import { wallDateOf } from '@fiveways/shared/london-time';

export const WAY_ORDER = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;
export const AUDIENCE_ORDER = [
  'children-families',
  'young-people',
  'adults',
  'older-people',
] as const;
WAY_ORDER satisfies readonly WaySlug[];
AUDIENCE_ORDER satisfies readonly Audience[];

/** What a resident has chosen; all buttons, never typed. */
export interface Filters {
  way: WaySlug | null;
  /** One local date this week, or null for the whole week. */
  day: string | null;
  area: string | null;
  audience: Audience | null;
  venue: string | null;
  freeOnly: boolean;
  dropInOnly: boolean;
}

export const NO_FILTERS: Filters = {
  way: null,
  day: null,
  area: null,
  audience: null,
  venue: null,
  freeOnly: false,
  dropInOnly: false,
};

/** The seven days the kiosk calls "this week": today and the six after. */
export function weekDays(today: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(today, i));
}

/** Occurrences this week that match every choice, in start order. */
export function filterOccurrences(
  occurrences: readonly Occurrence[],
  filters: Filters,
  today: string,
): Occurrence[] {
  const last = addDays(today, 6);
  return occurrences.filter((o) => {
    const date = wallDateOf(o.start);
    if (date < today || date > last) return false;
    if (filters.day !== null && date !== filters.day) return false;
    if (filters.way !== null && !o.ways.includes(filters.way)) return false;
    if (filters.area !== null && o.venue.areaSlug !== filters.area) return false;
    if (filters.venue !== null && o.venue.slug !== filters.venue) return false;
    if (
      filters.audience !== null &&
      o.audiences.length > 0 &&
      !o.audiences.includes(filters.audience)
    )
      return false;
    if (filters.freeOnly && !o.free) return false;
    if (filters.dropInOnly && o.booking !== 'drop-in') return false;
    return true;
  });
}

/** Occurrences that have not yet ended, so "on today" never lists what is over. */
export function notEnded(occurrences: readonly Occurrence[], now: number): Occurrence[] {
  return occurrences.filter((o) => Date.parse(o.end) > now);
}
