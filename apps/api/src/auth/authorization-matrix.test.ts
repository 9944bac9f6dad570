// Every write endpoint, tried by every kind of person: a refusal is a 401 or 403 and changes nothing.
import { insertGroup } from '../groups/groups.queries.ts';
import { insertSuggestion } from '../suggestions/suggestions.queries.ts';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type RouteDoc } from '../openapi/api-routes.ts';
import {
  dumpTables,
  makeStaffTestApp,
  TEST_PASSWORD,
  VENUE_A,
  VENUE_B,
  VENUE_C,
  type StaffTestApp,
} from '../test-support.ts';

type Who = 'anonymous' | 'staffA' | 'staffB' | 'admin' | 'champion';
const EVERYONE: Who[] = ['anonymous', 'staffA', 'staffB', 'admin', 'champion'];

interface Target {
  sessionAtA: number;
  staffB: number;
  /** A new suggestion staff A made in the staff area. */
  suggestionByA: number;
  /** A new suggestion the Community Champion made. */
  suggestionByChampion: number;
}

interface Case {
  name: string;
  method: string;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  allowed: Who[];
}

const newSession = (venue: string) => ({
  title: 'Chair yoga',
  venue,
  ways: ['be-active'],
  startDate: '2027-04-06',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 2, days: ['tue'] },
});

const newGroup = (slug: string, venueSlug: string | null) => ({
  slug,
  name: 'Hub Gardeners',
  ways: ['take-notice'],
  venueSlug,
});

const session = (t: Target) => `/api/sessions/${t.sessionAtA}`;

const CASES: Case[] = [
  {
    name: 'create a session at venue A',
    method: 'POST',
    path: () => '/api/sessions',
    body: () => newSession(VENUE_A),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'create a session at venue C',
    method: 'POST',
    path: () => '/api/sessions',
    body: () => newSession(VENUE_C),
    allowed: ['admin'],
  },
  {
    name: 'edit a session at venue A',
    method: 'PATCH',
    path: session,
    body: () => ({ title: 'Walk and Talk (new route)' }),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'move a session from A to B',
    method: 'PATCH',
    path: session,
    body: () => ({ venue: VENUE_B }),
    allowed: ['admin'],
  },
  {
    name: 'archive a session at venue A',
    method: 'DELETE',
    path: session,
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'cancel an occurrence at venue A',
    method: 'POST',
    path: (t) => `${session(t)}/cancellations`,
    body: () => ({ date: '2027-03-09', reason: 'Venue closed' }),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'reinstate a cancelled occurrence',
    method: 'DELETE',
    path: (t) => `${session(t)}/cancellations/2027-03-16`,
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'move one occurrence to another time',
    method: 'POST',
    path: (t) => `${session(t)}/changes`,
    body: () => ({ date: '2027-03-09', startTime: '11:00', endTime: '12:00' }),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'move one occurrence to venue B',
    method: 'POST',
    path: (t) => `${session(t)}/changes`,
    body: () => ({ date: '2027-03-09', venue: VENUE_B }),
    allowed: ['admin'],
  },
  {
    name: 'undo a moved occurrence',
    method: 'DELETE',
    path: (t) => `${session(t)}/changes/2027-03-23`,
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'create a group at venue A',
    method: 'POST',
    path: () => '/api/groups',
    body: () => newGroup('hub-gardeners', VENUE_A),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'create a group with no venue',
    method: 'POST',
    path: () => '/api/groups',
    body: () => newGroup('hub-gardeners', null),
    allowed: ['admin'],
  },
  {
    name: 'edit a group at venue A',
    method: 'PATCH',
    path: () => '/api/groups/group-at-a',
    body: () => ({ description: 'New times' }),
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'edit a group at venue C',
    method: 'PATCH',
    path: () => '/api/groups/knit-and-natter',
    body: () => ({ description: 'New times' }),
    allowed: ['admin'],
  },
  {
    name: 'mark a group at venue A checked',
    method: 'POST',
    path: () => '/api/groups/group-at-a/checked',
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'archive a group at venue A',
    method: 'DELETE',
    path: () => '/api/groups/group-at-a',
    allowed: ['staffA', 'admin'],
  },
  {
    name: 'create a venue',
    method: 'POST',
    path: () => '/api/venues',
    body: () => ({
      slug: 'new-hall',
      name: 'New Hall',
      areaSlug: 'warndon',
      address: '1 Main Street',
    }),
    allowed: ['admin'],
  },
  {
    name: 'edit venue A',
    method: 'PATCH',
    path: () => `/api/venues/${VENUE_A}`,
    body: () => ({ phone: '01905 000000' }),
    allowed: ['admin'],
  },
  {
    name: 'create an area',
    method: 'POST',
    path: () => '/api/areas',
    body: () => ({ slug: 'ronkswood', name: 'Ronkswood' }),
    allowed: ['admin'],
  },
  {
    name: 'edit an area',
    method: 'PATCH',
    path: () => '/api/areas/warndon',
    body: () => ({ description: 'East Worcester' }),
    allowed: ['admin'],
  },
  {
    name: 'create an account',
    method: 'POST',
    path: () => '/api/users',
    body: () => ({
      email: 'new@example.org',
      name: 'New Person',
      role: 'staff',
      venues: [VENUE_A],
    }),
    allowed: ['admin'],
  },
  {
    name: 'change an account',
    method: 'PATCH',
    path: (t) => `/api/users/${t.staffB}`,
    body: () => ({ venues: [VENUE_A, VENUE_B] }),
    allowed: ['admin'],
  },
  {
    name: 'issue a password reset link',
    method: 'POST',
    path: (t) => `/api/users/${t.staffB}/reset`,
    allowed: ['admin'],
  },
  {
    name: 'change one’s own password',
    method: 'POST',
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }),
    allowed: ['staffA', 'staffB', 'admin', 'champion'],
  },
  // Suggestions: admins and venue staff moderate; anyone logged in suggests and edits their own.
  {
    name: 'suggest a group from the staff area',
    method: 'POST',
    path: () => '/api/staff/suggestions',
    body: () => ({ name: 'Book club', what: 'Reading', where: 'Library', when: 'Mondays' }),
    allowed: ['staffA', 'staffB', 'admin', 'champion'],
  },
  {
    name: 'edit staff A’s new suggestion',
    method: 'PATCH',
    path: (t) => `/api/staff/suggestions/${t.suggestionByA}`,
    body: () => ({ when: 'Tuesdays' }),
    allowed: ['staffA'],
  },
  {
    name: 'edit the Champion’s new suggestion',
    method: 'PATCH',
    path: (t) => `/api/staff/suggestions/${t.suggestionByChampion}`,
    body: () => ({ when: 'Tuesdays' }),
    allowed: ['champion'],
  },
  {
    name: 'approve a suggestion as a group',
    method: 'POST',
    path: (t) => `/api/staff/suggestions/${t.suggestionByA}/approve`,
    body: () => ({ groupSlug: 'group-at-a' }),
    allowed: ['staffA', 'staffB', 'admin'],
  },
  {
    name: 'merge a suggestion into a group',
    method: 'POST',
    path: (t) => `/api/staff/suggestions/${t.suggestionByA}/merge`,
    body: () => ({ groupSlug: 'knit-and-natter' }),
    allowed: ['staffA', 'staffB', 'admin'],
  },
  {
    name: 'decline a suggestion',
    method: 'POST',
    path: (t) => `/api/staff/suggestions/${t.suggestionByA}/decline`,
    body: () => ({ reason: 'Already listed' }),
    allowed: ['staffA', 'staffB', 'admin'],
  },
];

async function setUp() {
  const t: StaffTestApp = makeStaffTestApp();
  const people = await t.createPeople();
  insertGroup(
    t.db,
    {
      slug: 'group-at-a',
      name: 'Gorse Hill Gardeners',
      description: '',
      ways: ['take-notice'],
      areaSlugs: [],
      audiences: [],
      cost: { free: true, text: '' },
      contact: { name: '', phone: '', email: '', website: '' },
      languages: ['English'],
      accessibility: '',
      venueSlug: VENUE_A,
      organisationId: null,
      checkedAt: null,
    },
    t.clock().toISOString(),
  );
  const row = t.db.prepare("SELECT id FROM sessions WHERE title = 'Walk and Talk'").get() as {
    id: number;
  };
  const suggestion = (createdBy: number) =>
    insertSuggestion(
      t.db,
      {
        source: 'champion',
        language: 'en',
        name: 'Gorse Hill Gardeners',
        what: 'Digging',
        where: 'The hub garden',
        when: 'Saturdays',
        ways: ['take-notice'],
        groupContact: '',
        replyEmail: '',
        createdBy,
        formNonce: null,
      },
      t.clock().toISOString(),
    );
  // Listed against venue A as well, as no account made through the API can be: a Champion's
  // venues must still give them no venue's rights.
  const champion = await t.createUser('champion@example.org', 'champion', [VENUE_A]);
  const target: Target = {
    sessionAtA: row.id,
    staffB: people.ids.staffB,
    suggestionByA: suggestion(people.ids.staffA),
    suggestionByChampion: suggestion(champion),
  };
  const cookies = { ...people.cookies, champion: t.cookieFor(champion) };
  const cookie = (who: Who) => (who === 'anonymous' ? null : cookies[who]);
  return { t, target, cookie };
}

describe('authorization matrix', () => {
  for (const c of CASES) {
    for (const who of EVERYONE) {
      const allowed = c.allowed.includes(who);
      it(`${who} ${allowed ? 'may' : 'may not'} ${c.name}`, async () => {
        const { t, target, cookie } = await setUp();
        const before = dumpTables(t.db);
        const res = await t.request(c.method, c.path(target), {
          cookie: cookie(who),
          ...(c.body ? { body: c.body(target) } : {}),
        });
        if (allowed) {
          expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(300);
          expect(dumpTables(t.db)).not.toBe(before);
        } else {
          expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect(body.error.message).toMatch(/\w/);
          expect(dumpTables(t.db)).toBe(before);
        }
      });
    }
  }

  it('admin-only reads refuse anonymous (401) and staff (403)', async () => {
    const { t, cookie } = await setUp();
    for (const path of ['/api/users', '/api/audit']) {
      expect((await t.request('GET', path)).status).toBe(401);
      expect((await t.request('GET', path, { cookie: cookie('staffA') })).status).toBe(403);
      expect((await t.request('GET', path, { cookie: cookie('admin') })).status).toBe(200);
    }
  });
});

/** The writes a Community Champion may make: each one's own tests say what they may do there. */
const CHAMPION_WRITES = new Set([
  'POST /api/auth/password',
  'POST /api/conversations',
  'PATCH /api/conversations/{id}',
  'POST /api/staff/suggestions',
  'PATCH /api/staff/suggestions/{id}',
]);

/** Path values for routes whose documentation gives no example. */
const PARAM_DEFAULTS: Record<string, string> = {
  id: '1',
  slug: 'group-at-a',
  date: '2027-03-09',
  token: 'not-a-token',
  file: 'all.ics',
};

function pathOf(route: RouteDoc, target: Target): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id' && route.path.startsWith('/api/sessions/')) return String(target.sessionAtA);
    if (name === 'id' && route.path.startsWith('/api/users/')) return String(target.staffB);
    return encodeURIComponent(route.example?.params?.[name] ?? PARAM_DEFAULTS[name] ?? 'x');
  });
}

/** Hono's `:name` as the route table's `{name}`. */
const documentedPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\}+)?/g, '{$1}');

describe('a Community Champion against every route the app mounts', () => {
  it('is refused (403, nothing changed) on every staff or admin route but their own', async () => {
    const { t, target, cookie } = await setUp();
    const mounted = t.app.routes.filter((r) => r.method !== 'ALL' && r.method !== 'GET');
    const tried: string[] = [];
    for (const r of mounted) {
      const route = API_ROUTES.find(
        (d) => d.method.toUpperCase() === r.method && d.path === documentedPath(r.path),
      );
      // The OpenAPI test holds every mounted route to the table; an undocumented one fails there.
      if (route === undefined || route.access === 'public') continue;
      const key = `${r.method} ${route.path}`;
      if (CHAMPION_WRITES.has(key)) continue;
      expect(route.access, `${key} lets any account in; say so in CHAMPION_WRITES`).not.toBe(
        'account',
      );
      const before = dumpTables(t.db);
      const res = await t.request(r.method, pathOf(route, target), {
        cookie: cookie('champion'),
        body: route.example?.body ?? {},
      });
      expect(res.status, key).toBe(403);
      expect(dumpTables(t.db), key).toBe(before);
      tried.push(key);
    }
    // Every write route of the directory, accounts and closures is among them.
    expect(tried).toEqual(
      expect.arrayContaining([
        'POST /api/sessions',
        'PATCH /api/sessions/{id}',
        'DELETE /api/sessions/{id}',
        'POST /api/sessions/{id}/cancellations',
        'POST /api/groups',
        'DELETE /api/groups/{slug}',
        'POST /api/venues',
        'POST /api/areas',
        'POST /api/organisations',
        'POST /api/users',
        'PATCH /api/users/{id}',
        'POST /api/closures',
        'POST /api/school-holidays',
      ]),
    );
    expect(tried.length).toBeGreaterThan(25);
  });

  it('is refused every staff-only or admin-only read: audit log, closures, recent changes, accounts', async () => {
    const { t, target, cookie } = await setUp();
    const reads = API_ROUTES.filter(
      (r) => r.method === 'get' && (r.access === 'staff' || r.access === 'admin'),
    );
    for (const route of reads) {
      const res = await t.request('GET', pathOf(route, target), { cookie: cookie('champion') });
      expect(res.status, route.path).toBe(403);
    }
    expect(reads.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/audit', '/api/users', '/api/closures', '/api/recent-changes']),
    );
    const me = await t.request('GET', '/api/auth/me', { cookie: cookie('champion') });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'champion' });
  });
});
