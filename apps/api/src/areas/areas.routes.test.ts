import { ApiErrorSchema, AreaSchema, AuditListSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, getJson, makeStaffTestApp } from '../test-support.ts';

describe('GET /api/areas', () => {
  it('lists the areas in the order they were entered', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/areas');
    expect(status).toBe(200);
    expect(z.array(AreaSchema).parse(body)).toEqual([
      { slug: 'gorse-hill', name: 'Gorse Hill', description: '' },
      { slug: 'rainbow-hill', name: 'Rainbow Hill', description: '' },
      { slug: 'warndon', name: 'Warndon', description: 'North-east Worcester' },
    ]);
  });
});

describe('staff writes to areas', () => {
  it('admins add an area at the end of the list and rename it; a taken slug is a 409', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const created = await t.request('POST', '/api/areas', {
      cookie: cookies.admin,
      body: { slug: 'ronkswood', name: 'Ronkswood' },
    });
    expect([created.status, await created.json()]).toEqual([
      201,
      { slug: 'ronkswood', name: 'Ronkswood', description: '' },
    ]);
    const again = await t.request('POST', '/api/areas', {
      cookie: cookies.admin,
      body: { slug: 'ronkswood', name: 'Ronkswood again' },
    });
    expect(again.status).toBe(409);
    expect(ApiErrorSchema.parse(await again.json()).error.issues[0]?.path).toBe('slug');
    const renamed = await t.request('PATCH', '/api/areas/ronkswood', {
      cookie: cookies.admin,
      body: { description: 'East of the city centre' },
    });
    expect(await renamed.json()).toEqual({
      slug: 'ronkswood',
      name: 'Ronkswood',
      description: 'East of the city centre',
    });
    const { body } = await getJson(t.app, '/api/areas');
    expect(
      z
        .array(AreaSchema)
        .parse(body)
        .map((a) => a.slug),
    ).toEqual(['gorse-hill', 'rainbow-hill', 'warndon', 'ronkswood']);
    const audit = AuditListSchema.parse(
      await (await t.request('GET', '/api/audit', { cookie: cookies.admin })).json(),
    );
    expect(audit.items.map((e) => [e.action, e.entityId])).toEqual([
      ['area.update', 'ronkswood'],
      ['area.create', 'ronkswood'],
    ]);
  });

  it('answers 404 for an area that does not exist, before reading the body', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const res = await t.request('PATCH', '/api/areas/atlantis', {
      cookie: cookies.admin,
      body: { name: 42 },
    });
    expect(res.status).toBe(404);
    expect(ApiErrorSchema.parse(await res.json()).error.message).toBe(
      'There is no area with that name',
    );
  });
});
