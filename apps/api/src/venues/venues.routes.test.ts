import { ApiErrorSchema, VenueSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, getJson, makeStaffTestApp } from '../test-support.ts';

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

const VenuesSchema = z.array(VenueSchema);

describe('GET /api/venues', () => {
  it('lists every venue by name with address and accessibility', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/venues');
    expect(status).toBe(200);
    const venues = VenuesSchema.parse(body);
    expect(venues.map((v) => v.slug)).toEqual([
      'gorse-hill-hub',
      'rainbow-hill-hub',
      'warndon-church-hall',
    ]);
    expect(venues[0]).toEqual({
      slug: 'gorse-hill-hub',
      name: 'Gorse Hill Community Hub',
      areaSlug: 'gorse-hill',
      isHub: true,
      address: 'Tolladine Road, Worcester',
      postcode: 'WR4 9XX',
      address1: 'Tolladine Road',
      city: 'Worcester',
      stateProvince: 'Worcestershire',
      country: 'GB',
      latitude: 52.198,
      longitude: -2.2,
      phone: '',
      accessibility: {
        stepFree: true,
        hearingLoop: true,
        accessibleToilet: true,
        parking: false,
        babyChange: false,
        notes: '',
      },
    });
  });

  it('filters by area and by hub', async () => {
    const { app } = createTestApp();
    const inWarndon = VenuesSchema.parse((await getJson(app, '/api/venues?area=warndon')).body);
    expect(inWarndon.map((v) => v.slug)).toEqual(['warndon-church-hall']);
    const hubs = VenuesSchema.parse((await getJson(app, '/api/venues?hub=true')).body);
    expect(hubs.map((v) => v.slug)).toEqual(['gorse-hill-hub', 'rainbow-hill-hub']);
    const notHubs = VenuesSchema.parse((await getJson(app, '/api/venues?hub=false')).body);
    expect(notHubs.map((v) => v.slug)).toEqual(['warndon-church-hall']);
  });

  it('rejects a hub filter that is not true or false, naming it', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/venues?hub=yes');
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(body).error;
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'hub', message: 'Give hub as true or false' }]);
    expect(error.message).toContain('hub');
  });
});

describe('GET /api/venues/:slug', () => {
  it('returns one venue', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/venues/warndon-church-hall');
    expect(status).toBe(200);
    expect(VenueSchema.parse(body).name).toBe('Warndon Church Hall');
  });

  it('answers 404 with the error envelope for an unknown venue', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/venues/nowhere');
    expect(status).toBe(404);
    expect(ApiErrorSchema.parse(body).error.code).toBe('not_found');
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
