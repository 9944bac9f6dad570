// Short addresses for posters, flyers, sheets, kiosks and feeds: /w/be-active/p is "the Be Active
// page, reached from a poster". One letter names what the link is for, the slug or id follows, and
// an optional last letter says where the link was printed or shown, so visits can be counted by
// source without a cookie. Read case-insensitively (people type them from paper). Free of zod.
import { WAY_SLUGS } from './lists.ts';
import { followPathOf, type FeedKind } from './pages.ts';

/** What a short address leads to; `kind` is as the visit counts name it. */
export type ShortLinkTarget =
  | { kind: 'all' }
  | { kind: 'way' | 'venue' | 'area' | 'group'; key: string }
  | { kind: 'session'; key: string };
export type ShortLinkKind = ShortLinkTarget['kind'];

/** The first segment of each short address, by what it leads to (h: hub, any venue). */
export const SHORT_LINK_PREFIXES = {
  way: 'w',
  venue: 'h',
  area: 'a',
  group: 'g',
  session: 's',
} as const;

/** The address of everything: /all, or /all/p with a source. */
export const SHORT_LINK_ALL = 'all';

/** Where a visit came from, as counted. */
export const SHORT_LINK_SOURCES = [
  'poster',
  'flyer',
  'sheet',
  'kiosk',
  'feed',
  'web',
  'unknown',
] as const;
export type ShortLinkSource = (typeof SHORT_LINK_SOURCES)[number];

/** The one-letter source codes: p poster, f flyer, s sheet, k kiosk, c calendar feed, w web. */
export const SHORT_LINK_SOURCE_CODES = {
  poster: 'p',
  flyer: 'f',
  sheet: 's',
  kiosk: 'k',
  feed: 'c',
  web: 'w',
} as const satisfies Record<Exclude<ShortLinkSource, 'unknown'>, string>;
export type CodedSource = keyof typeof SHORT_LINK_SOURCE_CODES;
const CODED_SOURCES: readonly CodedSource[] = ['poster', 'flyer', 'sheet', 'kiosk', 'feed', 'web'];
type PrefixedKind = keyof typeof SHORT_LINK_PREFIXES;
const PREFIXED_KINDS: readonly PrefixedKind[] = ['way', 'venue', 'area', 'group', 'session'];

/** The patterns of every short address (`:name` is one segment), for routers and docs. */
export const SHORT_LINK_PATHS = [
  '/all',
  '/all/:source',
  ...Object.values(SHORT_LINK_PREFIXES).flatMap((p) => [`/${p}/:key`, `/${p}/:key/:source`]),
] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^[1-9]\d{0,11}$/;
/** A source segment: one of the codes, or anything short and plain, counted as 'unknown'. */
const CODE = /^[a-z0-9]{1,16}$/;
/** Longer than any slug we keep; anything longer is not worth reading. */
const MAX_PATH_LENGTH = 200;

/** The short address's path: /w/be-active, /w/be-active/p, /all/k, /s/12/c. */
export function shortLinkPathOf(target: ShortLinkTarget, source?: CodedSource): string {
  const base =
    target.kind === 'all'
      ? `/${SHORT_LINK_ALL}`
      : `/${SHORT_LINK_PREFIXES[target.kind]}/${target.key}`;
  return source === undefined ? base : `${base}/${SHORT_LINK_SOURCE_CODES[source]}`;
}

/** The whole short address on the service's public origin (no trailing slash on it). */
export function shortLinkUrlOf(
  publicUrl: string,
  target: ShortLinkTarget,
  source?: CodedSource,
): string {
  return `${publicUrl.replace(/\/+$/, '')}${shortLinkPathOf(target, source)}`;
}

/** The short address as it is written on paper: without the scheme, e.g. fiveways.org/w/give/p. */
export function writtenShortLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** How a visit is counted: 'all', 'way:be-active', 'venue:…', 'area:…', 'group:…', 'session:12'. */
export function shortLinkTargetKey(target: ShortLinkTarget): string {
  return target.kind === 'all' ? 'all' : `${target.kind}:${target.key}`;
}

/** The source a code names; an unknown code is still a visit, from 'unknown'. */
export function sourceOfCode(code: string | undefined): ShortLinkSource {
  return CODED_SOURCES.find((s) => SHORT_LINK_SOURCE_CODES[s] === code) ?? 'unknown';
}

/**
 * The target and source a short address names, read case-insensitively, or null when it is no
 * short address (wrong shape, a slug or id that cannot be one). Whether the target exists is the
 * server's to say. Without a source code the source is 'unknown'.
 */
export function parseShortLink(
  path: string,
): { target: ShortLinkTarget; source: ShortLinkSource } | null {
  if (path.length > MAX_PATH_LENGTH) return null;
  const parts = path.toLowerCase().replace(/^\//, '').replace(/\/$/, '').split('/');
  const [first = '', second, third, ...rest] = parts;
  if (rest.length > 0) return null;
  if (first === SHORT_LINK_ALL) {
    if (third !== undefined) return null;
    if (second !== undefined && !CODE.test(second)) return null;
    return { target: { kind: 'all' }, source: sourceOfCode(second) };
  }
  const kind = PREFIXED_KINDS.find((k) => SHORT_LINK_PREFIXES[k] === first);
  if (kind === undefined || second === undefined) return null;
  if (third !== undefined && !CODE.test(third)) return null;
  const source = sourceOfCode(third);
  if (kind === 'session') {
    return ID.test(second) ? { target: { kind, key: second }, source } : null;
  }
  if (!SLUG.test(second) || second.length > 100) return null;
  if (kind === 'way' && !WAY_SLUGS.some((w) => w === second)) return null;
  return { target: { kind, key: second }, source };
}

const FEED_KIND_OF = {
  way: 'ways',
  venue: 'venues',
  area: 'areas',
  group: 'groups',
} as const satisfies Record<string, FeedKind>;

/** The page a short address sends a phone to: the follow page, or a session's own page. */
export function shortLinkPagePath(target: ShortLinkTarget): string {
  switch (target.kind) {
    case 'all':
      return followPathOf({ kind: 'all' });
    case 'session':
      return `/sessions/${target.key}`;
    default:
      return followPathOf({ kind: FEED_KIND_OF[target.kind], key: target.key });
  }
}
