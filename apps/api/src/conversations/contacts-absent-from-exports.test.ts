// A resident's contact never leaves through anything but the admins' contact list: every other
// read the service answers (exports, CSV, feeds, open data, the audit log) is searched for it.
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type RouteDoc } from '../openapi/api-routes.ts';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';

const RESIDENT = {
  name: 'Zebedee Quillfeather',
  phone: '07700 900123',
  email: 'zq.resident@example.net',
};
const PLANTED = /Zebedee|Quillfeather|07700 ?900123|zq\.resident/i;

/** The one read that is meant to show contacts. */
const CONTACT_LIST = '/api/champion-contacts';

/** Path values for reads whose documentation gives no example. */
function urlOf(route: RouteDoc, ids: { session: string }): string {
  const params = route.example?.params ?? {};
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(
      params[name] ?? (name === 'id' ? ids.session : name === 'file' ? 'all.ics' : 'x'),
    ),
  );
  const query = new URLSearchParams(route.example?.query ?? {}).toString();
  return query === '' ? path : `${path}?${query}`;
}

describe('a contact given with consent', () => {
  it('is in no export, CSV, feed, open data, audit entry or other read, public or staff', async () => {
    const t = makeStaffTestApp();
    const people = await t.createPeople();
    const champion = await t.createUser('ali@example.org', 'champion');
    const session = String(
      t.db.prepare("SELECT id FROM sessions WHERE title = 'Walk and Talk'").pluck().get(),
    );
    const res = await t.request('POST', '/api/conversations', {
      cookie: t.cookieFor(champion),
      body: {
        placeKind: 'clinic',
        venue: VENUE_A,
        ways: ['connect'],
        promoted: [
          { kind: 'group', key: 'walking-for-health' },
          { kind: 'session', key: session },
        ],
        tookHome: 2,
        interests: { volunteering: true, champion: true, panel: true },
        contact: { ...RESIDENT, consent: true },
      },
    });
    expect(res.status).toBe(201);
    const list = await t.request('GET', CONTACT_LIST, { cookie: people.cookies.admin });
    expect(await list.text()).toMatch(PLANTED);

    const reads = API_ROUTES.filter((r) => r.method === 'get' && r.path !== CONTACT_LIST);
    const urls = [
      ...reads.map((r) => urlOf(r, { session })),
      '/api/audit?format=csv',
      '/api/audit?kind=conversation',
      '/api/exports/groups.csv',
      '/api/exports/sessions.csv',
      '/api/exports/directory.json',
      '/feeds/all.ics',
    ];
    let answered = 0;
    for (const url of urls) {
      // As an admin, who can read the most; the public reads answer the same to anyone.
      const answer = await t.request('GET', url, { cookie: people.cookies.admin });
      const body = await answer.text();
      expect(body, url).not.toMatch(PLANTED);
      if (answer.status === 200) answered++;
    }
    expect(answered).toBeGreaterThan(40);
  });
});
