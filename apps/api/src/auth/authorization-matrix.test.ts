// Every write endpoint, tried by every kind of person: a refusal is a 401 or 403 and changes nothing.
import { insertGroup } from '../groups/groups.queries.ts';
import { insertSuggestion } from '../suggestions/suggestions.queries.ts';
import { describe, expect, it } from 'vitest';
import {
  dumpTables,
  makeStaffTestApp,
  TEST_PASSWORD,
  VENUE_A,
  VENUE_B,
  VENUE_C,
  type StaffTestApp,
} from '../test-support.ts';

type Who = 'anonymous' | 'staffA' | 'staffB' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'staffA', 'staffB', 'admin'];

interface Target {
  sessionAtA: number;
  staffB: number;
  /** A new suggestion staff A made in the staff area. */
  suggestionByA: number;
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
    allowed: ['staffA', 'staffB', 'admin'],
  },
  // Suggestions: admins and venue staff moderate; anyone logged in suggests and edits their own.
  {
    name: 'suggest a group from the staff area',
    method: 'POST',
    path: () => '/api/staff/suggestions',
    body: () => ({ name: 'Book club', what: 'Reading', where: 'Library', when: 'Mondays' }),
    allowed: ['staffA', 'staffB', 'admin'],
  },
  {
    name: 'edit staff A’s new suggestion',
    method: 'PATCH',
    path: (t) => `/api/staff/suggestions/${t.suggestionByA}`,
    body: () => ({ when: 'Tuesdays' }),
    allowed: ['staffA'],
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
  const suggestionByA = insertSuggestion(
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
      createdBy: people.ids.staffA,
      formNonce: null,
    },
    t.clock().toISOString(),
  );
  const target: Target = { sessionAtA: row.id, staffB: people.ids.staffB, suggestionByA };
  const cookie = (who: Who) => (who === 'anonymous' ? null : people.cookies[who]);
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
