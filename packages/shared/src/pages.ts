// The front end's pages by address: the router draws them and the server answers 200 for them
// (and 404, with the same shell, for any other address, so the app draws its not-found page).
// Patterns are preact-iso's: `:name` is one path segment, a trailing `/*` any rest.

/** The pages at the top of the address space. */
export const PAGE_PATHS = {
  kiosk: '/',
  kioskNamed: '/kiosk',
  session: '/sessions/:id',
  subscribe: '/subscribe',
  followAll: '/follow/all',
  suggest: '/suggest',
  follow: '/follow/:kind/:slug',
  privacy: '/privacy',
  staff: '/staff',
  staffPages: '/staff/*',
} as const;

/** The staff area's pages, below /staff. */
export const STAFF_PAGE_PATHS = {
  week: '/',
  login: '/login',
  password: '/password',
  sessions: '/sessions',
  newSession: '/sessions/new',
  session: '/sessions/:id',
  groups: '/groups',
  newGroup: '/groups/new',
  group: '/groups/:slug',
  venues: '/admin/venues',
  areas: '/admin/areas',
  organisations: '/admin/organisations',
  users: '/admin/users',
  audit: '/admin/audit',
  closures: '/closures',
  schoolHolidays: '/admin/school-holidays',
  print: '/print',
  insights: '/insights',
  invite: '/invite/:token',
  suggestions: '/suggestions',
  conversations: '/conversations',
  contacts: '/admin/contacts',
} as const;

/** The kinds of calendar feed named after one thing, as their addresses spell them. */
export const FEED_KINDS = ['ways', 'venues', 'areas', 'groups', 'sessions'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** A calendar a resident can follow: everything, or one way, venue, area, group or session. */
export type FollowTarget = { kind: 'all' } | { kind: FeedKind; key: string };

/** The page an address opens, with the session id for a session page. */
export type AppPage =
  | { name: 'kiosk' }
  | { name: 'session'; id: string }
  | { name: 'subscribe' }
  | { name: 'follow'; target: FollowTarget }
  | { name: 'privacy' }
  | { name: 'suggest' }
  | { name: 'staff' };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^\d{1,12}$/;

/** The calendar a follow page's kind and key name, or null when they name none. */
export function followTargetOf(kind: string, key: string): FollowTarget | null {
  const feedKind = FEED_KINDS.find((k) => k === kind);
  if (feedKind === undefined) return null;
  return (feedKind === 'sessions' ? ID : SLUG).test(key) ? { kind: feedKind, key } : null;
}

/** The feed's path: /feeds/all.ics, /feeds/ways/be-active.ics, /feeds/sessions/12.ics. */
export function feedPathOf(target: FollowTarget): string {
  return target.kind === 'all' ? '/feeds/all.ics' : `/feeds/${target.kind}/${target.key}.ics`;
}

/** The follow page's path: /follow/all, /follow/ways/be-active, /follow/sessions/12. */
export function followPathOf(target: FollowTarget): string {
  return target.kind === 'all' ? '/follow/all' : `/follow/${target.kind}/${target.key}`;
}

/** The named segments of `path` when it fits `pattern`, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = segmentsOf(pattern);
  const got = segmentsOf(path);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] ?? '';
    if (part === '*') return params;
    const value = got[i];
    if (value === undefined || value === '') return null;
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return null;
  }
  return got.length === want.length ? params : null;
}

/** '/a/b/' → ['a', 'b']; '/' → []. One trailing slash is the same address without it. */
function segmentsOf(path: string): string[] {
  const trimmed = path.replace(/^\//, '').replace(/\/$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

/**
 * The page an address (a path, without query) opens, or null when none does. A session page
 * opens for a whole-number id; whether that session exists is the server's to say.
 */
export function matchAppPage(path: string): AppPage | null {
  if (
    matchPath(PAGE_PATHS.kiosk, path) !== null ||
    matchPath(PAGE_PATHS.kioskNamed, path) !== null
  ) {
    return { name: 'kiosk' };
  }
  const session = matchPath(PAGE_PATHS.session, path);
  if (session !== null) {
    const id = session['id'] ?? '';
    return ID.test(id) ? { name: 'session', id } : null;
  }
  if (matchPath(PAGE_PATHS.subscribe, path) !== null) return { name: 'subscribe' };
  if (matchPath(PAGE_PATHS.privacy, path) !== null) return { name: 'privacy' };
  if (matchPath(PAGE_PATHS.suggest, path) !== null) return { name: 'suggest' };
  if (matchPath(PAGE_PATHS.followAll, path) !== null) {
    return { name: 'follow', target: { kind: 'all' } };
  }
  const follow = matchPath(PAGE_PATHS.follow, path);
  if (follow !== null) {
    const target = followTargetOf(follow['kind'] ?? '', follow['slug'] ?? '');
    return target === null ? null : { name: 'follow', target };
  }
  if (matchPath(PAGE_PATHS.staffPages, path) === null) return null;
  const rest = path.slice('/staff'.length) || '/';
  return Object.values(STAFF_PAGE_PATHS).some((p) => matchPath(p, rest) !== null)
    ? { name: 'staff' }
    : null;
}
