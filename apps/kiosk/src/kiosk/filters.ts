import type { Audience, Occurrence, Weekday, WaySlug } from '@fiveways/shared';
import { addDays, weekdayOf } from '@fiveways/shared/dates';
import { hasEnded } from '@fiveways/shared/ended';
import { wallDateOf } from '@fiveways/shared/london-time';

export const WAY_ORDER = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;
export const AUDIENCE_ORDER = [
  'children-families',
  'young-people',
  'adults',
  'older-people',
] as const;
export const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
WAY_ORDER satisfies readonly WaySlug[];
AUDIENCE_ORDER satisfies readonly Audience[];
WEEKDAY_ORDER satisfies readonly Weekday[];

/** Days of dated choices the kiosk offers (and keeps occurrences for): four weeks from today. */
export const AHEAD_DAYS = 28;

/** What a resident has chosen; all buttons, never typed. */
export interface Filters {
  way: WaySlug | null;
  /** One local date in the next four weeks, or null. */
  day: string | null;
  /** Every one of a weekday in the next four weeks ("Tuesdays"), or null. */
  weekday: Weekday | null;
  /** Courses and one-offs that start later ("Starting soon"), instead of dated occurrences. */
  soon: boolean;
  area: string | null;
  audience: Audience | null;
  venue: string | null;
  freeOnly: boolean;
  dropInOnly: boolean;
}

export const NO_FILTERS: Filters = {
  way: null,
  day: null,
  weekday: null,
  soon: false,
  area: null,
  audience: null,
  venue: null,
  freeOnly: false,
  dropInOnly: false,
};

/** The day part of the choices cleared, so one day choice replaces another. */
export const ANY_DAY: Pick<Filters, 'day' | 'weekday' | 'soon'> = {
  day: null,
  weekday: null,
  soon: false,
};

/** The seven days the kiosk calls "this week": today and the six after. */
export function weekDays(today: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(today, i));
}

/** The dates a resident can choose: today and the next four weeks. */
export function aheadDays(today: string): string[] {
  return Array.from({ length: AHEAD_DAYS }, (_, i) => addDays(today, i));
}

/** The dates the day choice covers: one date, a weekday's next four, or this week. */
function dayWindow(filters: Filters, today: string): { first: string; last: string } {
  if (filters.day !== null) return { first: filters.day, last: filters.day };
  if (filters.weekday !== null) return { first: today, last: addDays(today, AHEAD_DAYS - 1) };
  return { first: today, last: addDays(today, 6) };
}

/** True when an occurrence fits every choice but the day (way, place, who for, free, drop-in). */
export function matchesChoices(o: Occurrence, filters: Filters): boolean {
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
}

/**
 * Dated occurrences that match every choice and have not ended at `nowMs`, in start order: this
 * week by default, one date, or every one of a weekday in the next four weeks.
 */
export function filterOccurrences(
  occurrences: readonly Occurrence[],
  filters: Filters,
  today: string,
  nowMs: number,
): Occurrence[] {
  const { first, last } = dayWindow(filters, today);
  return occurrences.filter((o) => {
    const date = wallDateOf(o.start);
    if (date < first || date > last) return false;
    if (filters.weekday !== null && weekdayOf(date) !== filters.weekday) return false;
    if (hasEnded(o, nowMs)) return false;
    return matchesChoices(o, filters);
  });
}

/** Occurrences that have not yet ended, so "on today" never lists what is over. */
export function notEnded(occurrences: readonly Occurrence[], now: number): Occurrence[] {
  return occurrences.filter((o) => !hasEnded(o, now));
}
