import { ApiErrorSchema, GroupListSchema, GroupSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  dumpTables,
  getJson,
  makeStaffTestApp,
  VENUE_A,
  VENUE_B,
} from '../test-support.ts';

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

async function groupSlugs(app: ReturnType<typeof createTestApp>['app'], query: string) {
  const { status, body } = await getJson(app, `/api/groups${query}`);
  expect(status).toBe(200);
  const list = GroupListSchema.parse(body);
  expect(list.total).toBe(list.items.length);
  return list.items.map((g) => g.slug);
}

describe('GET /api/groups', () => {
  it('lists groups by name as {items, total}, each a full group', async () => {
    const { app } = createTestApp();
    const { body } = await getJson(app, '/api/groups');
    const list = GroupListSchema.parse(body);
    expect(list.total).toBe(3);
    expect(list.items.map((g) => g.slug)).toEqual([
      'knit-and-natter',
      'walking-for-health',
      'young-makers',
    ]);
    expect(list.items[0]).toEqual({
      slug: 'knit-and-natter',
      name: 'Knit and Natter',
      description: '',
      ways: ['connect', 'give'],
      areaSlugs: [],
      audiences: ['older-people'],
      cost: { free: false, text: '£1 for tea' },
      contact: { name: '', phone: '', email: '', website: '' },
      languages: ['English'],
      accessibility: '',
      venueSlug: 'warndon-church-hall',
      translations: {},
      organisationId: 1,
      minAge: null,
      maxAge: null,
      checkedAt: null,
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('filters by way, area (named or by venue), audience and cost', async () => {
    const { app } = createTestApp();
    expect(await groupSlugs(app, '?way=connect')).toEqual([
      'knit-and-natter',
      'walking-for-health',
    ]);
    expect(await groupSlugs(app, '?area=warndon')).toEqual(['knit-and-natter']);
    expect(await groupSlugs(app, '?area=gorse-hill')).toEqual(['walking-for-health']);
    expect(await groupSlugs(app, '?audience=young-people')).toEqual(['young-makers']);
    expect(await groupSlugs(app, '?free=false')).toEqual(['knit-and-natter']);
    expect(await groupSlugs(app, '?free=true&way=keep-learning')).toEqual(['young-makers']);
    expect(await groupSlugs(app, '?way=give&area=gorse-hill')).toEqual([]);
    expect(await groupSlugs(app, '?way=&area=&audience=&free=')).toHaveLength(3);
  });

  it('hides archived groups', async () => {
    const { app, db } = createTestApp();
    db.prepare("UPDATE groups SET archived = 1 WHERE slug = 'young-makers'").run();
    expect(await groupSlugs(app, '')).toEqual(['knit-and-natter', 'walking-for-health']);
    expect((await getJson(app, '/api/groups/young-makers')).status).toBe(404);
  });

  it.each([
    ['?way=swimming', 'way'],
    ['?audience=everyone', 'audience'],
    ['?free=maybe', 'free'],
    ['?area=Not%20A%20Slug', 'area'],
  ])('rejects %s naming the field', async (query, field) => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, `/api/groups${query}`);
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toEqual([field]);
    expect(error.message).toContain(field);
  });
});

describe('GET /api/groups/:slug', () => {
  it('returns one group', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/groups/walking-for-health');
    expect(status).toBe(200);
    const group = GroupSchema.parse(body);
    expect(group).toMatchObject({ name: 'Walking for Health', checkedAt: '2026-10-01' });
  });

  it('answers 404 with the envelope for an unknown group', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/groups/no-such-group');
    expect(status).toBe(404);
    expect(ApiErrorSchema.parse(body).error.code).toBe('not_found');
  });
});

describe('GET /api/groups with paging', () => {
  it('gives limit groups from offset, in the same order as the whole list, with the total', async () => {
    const { app } = createTestApp();
    const whole = GroupListSchema.parse(await (await app.request('/api/groups')).json());
    expect(whole.items.length).toBeGreaterThanOrEqual(3);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const res = await app.request(`/api/groups?limit=2&offset=${offset}`);
      expect(res.status).toBe(200);
      const page = GroupListSchema.parse(await res.json());
      expect(page.total).toBe(whole.total);
      expect(page.items.length).toBeLessThanOrEqual(2);
      pages.push(...page.items.map((g) => g.slug));
    }
    expect(pages).toEqual(whole.items.map((g) => g.slug));
    const past = GroupListSchema.parse(
      await (await app.request('/api/groups?limit=5&offset=9999')).json(),
    );
    expect(past).toEqual({ items: [], total: whole.total });
  });

  it('refuses a limit or offset that is not a whole number in range, naming it', async () => {
    const { app } = createTestApp();
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const res = await app.request(`/api/groups?${query}`);
      expect(res.status, query).toBe(400);
      const error = ApiErrorSchema.parse(await res.json()).error;
      expect(error.issues.map((i) => i.path)).toEqual([query.split('=')[0]]);
      expect(error.message).toContain('whole number');
    }
  });
});

describe('staff writes to groups', () => {
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

  it('takes only an http(s) website, refusing others with a plain 400 naming contact.website', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    const base = { slug: 'hub-gardeners', name: 'Hub Gardeners', ways: ['take-notice'] };
    for (const website of ['javascript:alert(document.cookie)', 'WIFI:T:WPA;S:Hub;P:x;;']) {
      const contact = { website };
      const created = await t.request('POST', '/api/groups', {
        cookie: cookies.admin,
        body: { ...base, contact },
      });
      const patched = await t.request('PATCH', '/api/groups/knit-and-natter', {
        cookie: cookies.admin,
        body: { contact },
      });
      const session = await t.request('PATCH', '/api/sessions/1', {
        cookie: cookies.admin,
        body: { contact },
      });
      for (const res of [created, patched, session]) {
        expect(res.status, website).toBe(400);
        const issue = (await errorOf(res)).issues[0];
        expect(issue?.path).toBe('contact.website');
        expect(issue?.message).toMatch(/^Website must be a web address starting with https:\/\//);
      }
    }
    expect(dumpTables(t.db)).toBe(before);
    const fine = await t.request('POST', '/api/groups', {
      cookie: cookies.admin,
      body: { ...base, contact: { website: 'https://example.org/gardeners' } },
    });
    expect(fine.status).toBe(201);
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
});
