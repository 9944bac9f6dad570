import { ApiErrorSchema, GroupSchema, UserSchema, VenueSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A, VENUE_B } from './staff-test-support.ts';
import { threeMonthsBefore } from './directory.routes.ts';

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

describe('groups', () => {
  it('staff create a group at their venue, checked today; a taken slug is a 409', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const body = {
      slug: 'hub-gardeners',
      name: 'Hub Gardeners',
      ways: ['take-notice'],
      venueSlug: VENUE_A,
    };
    const res = await t.request('POST', '/api/groups', { cookie: cookies.staffA, body });
    expect(res.status).toBe(201);
    expect(GroupSchema.parse(await res.json())).toMatchObject({
      slug: 'hub-gardeners',
      checkedAt: '2026-11-23',
    });
    const again = await t.request('POST', '/api/groups', { cookie: cookies.staffA, body });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).issues[0]?.path).toBe('slug');
  });

  it('names unknown areas, venues and fields with a 400', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const base = { slug: 'hub-gardeners', name: 'Hub Gardeners', ways: ['take-notice'] };
    for (const [body, path] of [
      [{ ...base, areaSlugs: ['warndon', 'atlantis'] }, 'areaSlugs.1'],
      [{ ...base, venueSlug: 'no-such-hall' }, 'venueSlug'],
      [{ ...base, checkedAt: '2020-01-01' }, 'checkedAt'],
    ] as const) {
      const res = await t.request('POST', '/api/groups', { cookie: cookies.admin, body });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).issues[0]?.path).toBe(path);
    }
    expect(dumpTables(t.db)).toBe(before);
  });

  it('patches only the fields sent, and staff may not move a group away from their venues', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: {
        slug: 'hub-gardeners',
        name: 'Hub Gardeners',
        ways: ['take-notice'],
        venueSlug: VENUE_A,
        cost: { free: false, text: '£1' },
      },
    });
    const res = await t.request('PATCH', '/api/groups/hub-gardeners', {
      cookie: cookies.staffA,
      body: { description: 'We grow vegetables' },
    });
    expect(res.status).toBe(200);
    expect(GroupSchema.parse(await res.json())).toMatchObject({
      description: 'We grow vegetables',
      cost: { free: false, text: '£1' },
      venueSlug: VENUE_A,
    });
    const away = await t.request('PATCH', '/api/groups/hub-gardeners', {
      cookie: cookies.staffA,
      body: { venueSlug: VENUE_B },
    });
    expect(away.status).toBe(403);
    const slug = await t.request('PATCH', '/api/groups/hub-gardeners', {
      cookie: cookies.staffA,
      body: { slug: 'renamed' },
    });
    expect(slug.status).toBe(400);
  });

  it('lists groups not checked in three months, and "checked today" takes one off', async () => {
    const t = makeStaffTestApp();
    const { ids } = await t.createPeople();
    // A fresh login each time: weeks pass in this test, longer than a login lasts.
    const admin = () => t.cookieFor(ids.admin);
    const list = async () =>
      (await (
        await t.request('GET', '/api/staff/groups/unchecked', { cookie: admin() })
      ).json()) as {
        items: { slug: string }[];
        checkedBefore: string;
      };
    // Fixture: walking-for-health checked 2026-10-01, knit-and-natter never, young-makers 2026-09-15.
    const first = await list();
    expect(first.checkedBefore).toBe('2026-08-23');
    expect(first.items.map((g) => g.slug)).toEqual(['knit-and-natter']);
    t.advance(30 * 24 * 60 * 60 * 1000);
    expect((await list()).items.map((g) => g.slug)).toEqual(['knit-and-natter', 'young-makers']);
    const checked = await t.request('POST', '/api/groups/young-makers/checked', {
      cookie: admin(),
    });
    expect(GroupSchema.parse(await checked.json()).checkedAt).toBe('2026-12-23');
    expect((await list()).items.map((g) => g.slug)).toEqual(['knit-and-natter']);
    const staffView = await t.request('GET', '/api/staff/groups/unchecked', {
      cookie: t.cookieFor(ids.staffA),
    });
    expect(((await staffView.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('counts three months back by the calendar', () => {
    expect(threeMonthsBefore('2027-05-31')).toBe('2027-02-28');
    expect(threeMonthsBefore('2027-02-15')).toBe('2026-11-15');
    expect(threeMonthsBefore('2028-05-30')).toBe('2028-02-29');
  });
});

describe('venues and areas', () => {
  it('admins create and edit venues; an unknown area is a 400 naming areaSlug', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const body = {
      slug: 'new-hall',
      name: 'New Hall',
      areaSlug: 'warndon',
      address: '1 Main Street',
    };
    const created = await t.request('POST', '/api/venues', { cookie: cookies.admin, body });
    expect(created.status).toBe(201);
    const bad = await t.request('POST', '/api/venues', {
      cookie: cookies.admin,
      body: { ...body, slug: 'other-hall', areaSlug: 'atlantis' },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues[0]?.path).toBe('areaSlug');
    const patched = await t.request('PATCH', '/api/venues/new-hall', {
      cookie: cookies.admin,
      body: { isHub: true, accessibility: { stepFree: true } },
    });
    expect(VenueSchema.parse(await patched.json())).toMatchObject({
      name: 'New Hall',
      isHub: true,
      accessibility: { stepFree: true, hearingLoop: false },
    });
    const area = await t.request('POST', '/api/areas', {
      cookie: cookies.admin,
      body: { slug: 'ronkswood', name: 'Ronkswood' },
    });
    expect(area.status).toBe(201);
    const areas = await (await t.request('GET', '/api/areas')).json();
    expect(JSON.stringify(areas)).toContain('Ronkswood');
  });
});

describe('accounts', () => {
  it('admins list accounts without password hashes', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request('GET', '/api/users', { cookie: cookies.admin });
    const text = await res.text();
    expect(text).not.toContain('scrypt');
    const items = (JSON.parse(text) as { items: unknown[] }).items.map((u) => UserSchema.parse(u));
    expect(items.map((u) => u.email)).toEqual([
      'a@example.org',
      'admin@example.org',
      'b@example.org',
    ]);
  });

  it('need at least one venue for staff, and refuse a taken email', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const noVenue = await t.request('POST', '/api/users', {
      cookie: cookies.admin,
      body: { email: 'c@example.org', name: 'C', role: 'staff' },
    });
    expect(noVenue.status).toBe(400);
    expect((await errorOf(noVenue)).issues[0]?.path).toBe('venues');
    const taken = await t.request('POST', '/api/users', {
      cookie: cookies.admin,
      body: { email: 'A@example.org', name: 'A again', venues: [VENUE_A] },
    });
    expect(taken.status).toBe(409);
  });

  it('never leave the service without an admin', async () => {
    const t = makeStaffTestApp();
    const { cookies, ids } = await t.createPeople();
    const self = await t.request('PATCH', `/api/users/${ids.admin}`, {
      cookie: cookies.admin,
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
  });

  it('disabling an account logs it out at once', async () => {
    const t = makeStaffTestApp();
    const { cookies, ids } = await t.createPeople();
    const res = await t.request('PATCH', `/api/users/${ids.staffB}`, {
      cookie: cookies.admin,
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: cookies.staffB })).status).toBe(401);
  });
});

describe('a body that is not a set of named details', () => {
  it('is refused naming the body, in plain English, for every kind of write', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    for (const body of [[1, 2], 'text', 42, null, { '': 1 }]) {
      for (const path of [
        '/api/sessions',
        '/api/groups',
        '/api/venues',
        '/api/areas',
        '/api/users',
      ]) {
        const res = await t.request('POST', path, { cookie: cookies.admin, body });
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        const { error } = ApiErrorSchema.parse(await res.json());
        expect(error.issues.length).toBeGreaterThan(0);
        for (const issue of error.issues) {
          expect(issue.path, `${path} ${JSON.stringify(body)}`).not.toBe('');
          expect(issue.message).not.toMatch(/Invalid input|expected \w+, received/);
        }
      }
    }
    expect(dumpTables(t.db)).toEqual(before);
  });
});
