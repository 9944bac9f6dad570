// What a kiosk counts and how each count is named, free of zod so the kiosk can load it on its
// first screen. Counts only, per London day and home venue: nothing names a person or a device.
import { AUDIENCE_SLUGS, WAY_SLUGS, WEEKDAYS } from './lists.ts';

/** Everything a kiosk counts. */
export const KIOSK_EVENTS = [
  'visit',
  'way',
  'filter',
  'session-opened',
  'take-home-shown',
  'zero-results',
] as const;
export type KioskEvent = (typeof KIOSK_EVENTS)[number];

/**
 * A day choice as counted: today, tomorrow, a later date by its weekday ('tue'), every one of a
 * weekday ('every-tue'), or "starting soon". The date itself is never sent.
 */
export const DAY_CHOICES = [
  'today',
  'tomorrow',
  ...WEEKDAYS,
  ...WEEKDAYS.map((d) => `every-${d}` as const),
  'soon',
] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

/** How far a batch may reach back: older counts a kiosk still holds are dropped, not sent. */
export const KIOSK_REACH_MAX_DAYS = 14;
/** Different (event, detail) counts one day of one batch may carry. */
export const KIOSK_REACH_MAX_KEYS = 200;
/** The most one count in one batch may say; a kiosk holding more sends the rest later. */
export const KIOSK_REACH_MAX_COUNT = 500;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a zero-result search had chosen; null is "any". */
export interface ChosenFilters {
  way: string | null;
  day: DayChoice | null;
  area: string | null;
  audience: string | null;
}

/** 'way=be-active;day=;area=warndon;audience=' — the detail of a zero-results count. */
export function zeroResultsDetail(chosen: ChosenFilters): string {
  return (
    `way=${chosen.way ?? ''};day=${chosen.day ?? ''};` +
    `area=${chosen.area ?? ''};audience=${chosen.audience ?? ''}`
  );
}

/** The choices in a zero-results detail, or null when it is not one. */
export function parseZeroResultsDetail(detail: string): ChosenFilters | null {
  const match = /^way=([a-z0-9-]*);day=([a-z0-9-]*);area=([a-z0-9-]*);audience=([a-z0-9-]*)$/.exec(
    detail,
  );
  if (match === null) return null;
  const [, way = '', day = '', area = '', audience = ''] = match;
  if (day !== '' && !isDayChoice(day)) return null;
  for (const slug of [way, area, audience]) if (slug !== '' && !SLUG.test(slug)) return null;
  return {
    way: way === '' ? null : way,
    day: day === '' ? null : (DAY_CHOICES.find((d) => d === day) ?? null),
    area: area === '' ? null : area,
    audience: audience === '' ? null : audience,
  };
}

export function isDayChoice(value: string): value is DayChoice {
  return DAY_CHOICES.some((d) => d === value);
}

export function isKioskEvent(value: string): value is KioskEvent {
  return KIOSK_EVENTS.some((e) => e === value);
}

export function isWaySlug(value: string): boolean {
  return WAY_SLUGS.some((w) => w === value);
}

export function isAudienceSlug(value: string): boolean {
  return AUDIENCE_SLUGS.some((a) => a === value);
}

/**
 * Why a detail does not fit its event, in plain English, or null when it does. Way and audience
 * are checked here; whether an area exists is the server's to say (areaSlugsOf lists them).
 */
export function detailProblem(event: KioskEvent, detail: string): string | null {
  switch (event) {
    case 'visit':
    case 'session-opened':
    case 'take-home-shown':
      return detail === '' ? null : `must be empty for a ${event} count`;
    case 'way':
      return isWaySlug(detail) ? null : `must be one of the five ways: ${WAY_SLUGS.join(', ')}`;
    case 'filter': {
      const [kind, value = ''] = detail.split(/:(.*)/s);
      if (kind === 'day') return isDayChoice(value) ? null : 'names a day choice we do not know';
      if (kind === 'area') return SLUG.test(value) ? null : 'names an area in the wrong form';
      if (kind === 'audience') return isAudienceSlug(value) ? null : 'names an unknown audience';
      return 'must be day:<choice>, area:<slug> or audience:<slug>';
    }
    case 'zero-results': {
      const chosen = parseZeroResultsDetail(detail);
      if (chosen === null) return 'must be way=<slug>;day=<choice>;area=<slug>;audience=<slug>';
      if (chosen.way !== null && !isWaySlug(chosen.way)) return 'names an unknown way';
      if (chosen.audience !== null && !isAudienceSlug(chosen.audience)) {
        return 'names an unknown audience';
      }
      return null;
    }
  }
}

/** The area a detail names ('area:warndon', or a zero-results area), for the server to check. */
export function areaOfDetail(event: KioskEvent, detail: string): string | null {
  if (event === 'filter') return detail.startsWith('area:') ? detail.slice('area:'.length) : null;
  if (event === 'zero-results') return parseZeroResultsDetail(detail)?.area ?? null;
  return null;
}
