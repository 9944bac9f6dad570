import {
  ApiErrorSchema,
  GroupSchema,
  OrganisationListSchema,
  OrganisationSchema,
} from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, getJson, makeStaffTestApp } from '../test-support.ts';

describe('GET /api/organisations', () => {
  it('starts with the trust that runs the hubs, which every group belongs to', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/organisations');
    expect(status).toBe(200);
    const list = OrganisationListSchema.parse(body);
    expect(list.map((o) => [o.id, o.name])).toEqual([[1, 'Worcester Community Trust']]);
    const groups = await getJson(app, '/api/groups');
    const items = GroupSchema.array().parse((groups.body as { items: unknown }).items);
    expect(new Set(items.map((g) => g.organisationId))).toEqual(new Set([1]));
  });

  it('answers 404 for an id that was never used and 400 for one that is not a number', async () => {
    const { app } = createTestApp();
    expect((await getJson(app, '/api/organisations/99')).status).toBe(404);
    const bad = await getJson(app, '/api/organisations/first');
    expect(bad.status).toBe(400);
    expect(ApiErrorSchema.parse(bad.body).error.issues[0]?.path).toBe('id');
  });
});

describe('staff writes to organisations', () => {
  it('admins add and change organisations; groups move to them; staff may not', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const body = {
      name: 'Warndon Bike Club CIC',
      website: 'https://example.org/bikes',
      email: 'bikes@example.org',
      charityNumber: '1100003',
    };
    const refused = await t.request('POST', '/api/organisations', { cookie: cookies.staffA, body });
    expect(refused.status).toBe(403);
    const created = await t.request('POST', '/api/organisations', { cookie: cookies.admin, body });
    expect(created.status).toBe(201);
    const made = OrganisationSchema.parse(await created.json());
    expect(made).toMatchObject({ ...body, id: 2, description: '' });

    const changed = await t.request('PATCH', `/api/organisations/${made.id}`, {
      cookie: cookies.admin,
      body: { description: 'Fixes and rides bikes' },
    });
    expect(OrganisationSchema.parse(await changed.json())).toMatchObject({
      name: 'Warndon Bike Club CIC',
      description: 'Fixes and rides bikes',
    });

    const moved = await t.request('PATCH', '/api/groups/knit-and-natter', {
      cookie: cookies.admin,
      body: { organisationId: made.id },
    });
    expect(GroupSchema.parse(await moved.json()).organisationId).toBe(made.id);
    const nowhere = await t.request('PATCH', '/api/groups/knit-and-natter', {
      cookie: cookies.admin,
      body: { organisationId: 77 },
    });
    expect(nowhere.status).toBe(400);
    expect(ApiErrorSchema.parse(await nowhere.json()).error.issues[0]?.path).toBe('organisationId');
  });

  it('refuses a website that is not http(s), a malformed email and a made-up charity number', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    for (const [field, value] of [
      ['website', 'javascript:alert(1)'],
      ['email', 'not an email'],
      ['charityNumber', 'abc'],
    ] as const) {
      const res = await t.request('POST', '/api/organisations', {
        cookie: cookies.admin,
        body: { name: 'Somebody', [field]: value },
      });
      expect(res.status).toBe(400);
      expect(ApiErrorSchema.parse(await res.json()).error.issues[0]?.path).toBe(field);
    }
  });
});
