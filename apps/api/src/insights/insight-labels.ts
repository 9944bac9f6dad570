// Plain-English names for what the counting tables store as codes: short-link and feed targets,
// kiosk filter choices, and the searches that found nothing.
import { AUDIENCES, WAYS, WEEKDAYS, type WaySlug } from '@fiveways/shared';
import { formatShortDate, weekdayName } from '@fiveways/shared/dates';
import { isLocalDate } from '@fiveways/shared';

/** The names of the directory's records, by slug (sessions by id). */
export interface Names {
  venues: ReadonlyMap<string, string>;
  areas: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
  sessions: ReadonlyMap<string, string>;
}

export const NO_NAMES: Names = {
  venues: new Map(),
  areas: new Map(),
  groups: new Map(),
  sessions: new Map(),
};

export function wayOf(slug: string): WaySlug | null {
  return WAYS.find((w) => w.slug === slug)?.slug ?? null;
}

export function wayName(slug: string): string {
  return WAYS.find((w) => w.slug === slug)?.name ?? slug;
}

export function venueName(slug: string, names: Names): string {
  if (slug === '') return 'Kiosks with no home venue';
  return names.venues.get(slug) ?? slug;
}

export function areaName(slug: string, names: Names): string {
  return names.areas.get(slug) ?? slug;
}

function audienceName(slug: string): string {
  return AUDIENCES.find((a) => a.slug === slug)?.name ?? slug;
}

/** A short-link or feed target ('way:be-active', 'venue:…', 'all') as a reader would name it. */
export function describeTarget(target: string, names: Names): string {
  if (target === 'all') return 'Everything';
  const colon = target.indexOf(':');
  const kind = target.slice(0, colon);
  const key = target.slice(colon + 1);
  if (colon < 0) return target;
  if (kind === 'way') return `${wayName(key)} (way)`;
  if (kind === 'venue') return `${venueName(key, names)} (venue)`;
  if (kind === 'area') return `${areaName(key, names)} (area)`;
  if (kind === 'group') return `${names.groups.get(key) ?? key} (group)`;
  if (kind === 'session') return `${names.sessions.get(key) ?? `Session ${key}`} (session)`;
  return target;
}

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  poster: 'Posters',
  flyer: 'Flyers',
  sheet: 'Hub sheets',
  kiosk: 'Kiosk QR codes',
  feed: 'Calendar feeds',
  web: 'Web links',
  unknown: 'Not known',
};

export const SOURCE_ORDER = ['poster', 'flyer', 'sheet', 'kiosk', 'feed', 'web', 'unknown'];

/** A weekday code ('sat') or its name ('saturday') as its name ('Saturday'), or null. */
function weekdayCalled(code: string): string | null {
  const day = WEEKDAYS.find((d) => d === code || weekdayName(d).toLowerCase() === code);
  return day === undefined ? null : weekdayName(day);
}

/**
 * A kiosk day choice as the end of a sentence. The kiosk counts 'today', 'tomorrow', a later date
 * by its weekday ('sat' → "on Saturday"), every one of a weekday ('every-sat' → "on Saturdays")
 * and 'soon'; the date itself is never sent.
 */
export function describeDayChoice(choice: string): string {
  if (choice.startsWith('every-')) {
    const name = weekdayCalled(choice.slice('every-'.length));
    if (name !== null) return `on ${name}s`;
  }
  const name = weekdayCalled(choice);
  if (name !== null) return `on ${name}`;
  if (choice === 'today' || choice === 'tomorrow') return choice;
  if (choice === 'week' || choice === 'this-week') return 'this week';
  if (choice === 'soon' || choice === 'starting-soon') return 'starting soon';
  if (isLocalDate(choice)) return `on ${formatShortDate(choice)}`;
  return `on ${choice.replaceAll('-', ' ')}`;
}

/** A filter chosen at a kiosk ('day:sat', 'area:warndon', 'audience:young-people'). */
export function describeFilter(detail: string, names: Names): string {
  const colon = detail.indexOf(':');
  const kind = detail.slice(0, colon);
  const value = detail.slice(colon + 1);
  if (kind === 'day') return `Day: ${describeDayChoice(value)}`;
  if (kind === 'area') return `Area: ${areaName(value, names)}`;
  if (kind === 'audience') return `Who for: ${audienceName(value)}`;
  if (kind === 'way') return `Way: ${wayName(value)}`;
  return detail;
}

/** The parts of a zero-result search ('way=be-active;day=sat;area=warndon;audience=young-people'). */
export function partsOfSearch(detail: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const piece of detail.split(';')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts[piece.slice(0, eq)] = piece.slice(eq + 1);
  }
  return parts;
}

/** "Be Active on Saturdays in Warndon for young people (11–19)". */
export function describeSearch(detail: string, names: Names): string {
  const { way = '', day = '', area = '', audience = '' } = partsOfSearch(detail);
  const words = [way === '' ? 'Anything' : wayName(way)];
  if (day !== '') words.push(describeDayChoice(day));
  if (area !== '') words.push(`in ${areaName(area, names)}`);
  if (audience !== '') {
    const name = audienceName(audience);
    words.push(`for ${name.charAt(0).toLowerCase()}${name.slice(1)}`);
  }
  return words.join(' ');
}
