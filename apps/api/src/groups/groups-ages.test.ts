import { ApiErrorSchema, GroupListSchema, GroupSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A } from '../test-support.ts';

const base = {
  slug: 'teen-kitchen',
  name: 'Teen Kitchen',
  ways: ['keep-learning'],
  venueSlug: VENUE_A,
};

describe("a group's own age range", () => {
  it('is written, read back, changed on its own and cleared', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: { ...base, minAge: 11, maxAge: 18 },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    expect(GroupSchema.parse(await made.json())).toMatchObject({ minAge: 11, maxAge: 18 });

    const list = GroupListSchema.parse(await (await t.request('GET', '/api/groups')).json());
    expect(list.items.find((g) => g.slug === 'teen-kitchen')).toMatchObject({
      minAge: 11,
      maxAge: 18,
    });

    const older = await t.request('PATCH', '/api/groups/teen-kitchen', {
      cookie: cookies.staffA,
      body: { maxAge: 19 },
    });
    expect(GroupSchema.parse(await older.json())).toMatchObject({ minAge: 11, maxAge: 19 });
    // A change that leaves the ages out keeps them.
    const renamed = await t.request('PATCH', '/api/groups/teen-kitchen', {
      cookie: cookies.staffA,
      body: { name: 'Teen Kitchen Club' },
    });
    expect(GroupSchema.parse(await renamed.json())).toMatchObject({ minAge: 11, maxAge: 19 });
    const open = await t.request('PATCH', '/api/groups/teen-kitchen', {
      cookie: cookies.staffA,
      body: { minAge: null },
    });
    expect(GroupSchema.parse(await open.json())).toMatchObject({ minAge: null, maxAge: 19 });
  });

  it('is left empty when not given', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const made = await t.request('POST', '/api/groups', { cookie: cookies.staffA, body: base });
    expect(GroupSchema.parse(await made.json())).toMatchObject({ minAge: null, maxAge: null });
  });

  it('refuses ages that are not whole numbers from 0 to 120, or reversed, naming the field', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    for (const [ages, path] of [
      [{ minAge: -1 }, 'minAge'],
      [{ minAge: 11.5 }, 'minAge'],
      [{ minAge: '11' }, 'minAge'],
      [{ maxAge: 121 }, 'maxAge'],
      [{ minAge: 18, maxAge: 11 }, 'maxAge'],
    ] as const) {
      const res = await t.request('POST', '/api/groups', {
        cookie: cookies.staffA,
        body: { ...base, ...ages },
      });
      expect(res.status, JSON.stringify(ages)).toBe(400);
      const { error } = ApiErrorSchema.parse(await res.json());
      expect(error.issues.map((i) => i.path)).toContain(path);
    }
    expect(dumpTables(t.db)).toBe(before);

    await t.request('POST', '/api/groups', {
      cookie: cookies.staffA,
      body: { ...base, minAge: 11, maxAge: 18 },
    });
    const kept = dumpTables(t.db);
    // Reversed only once merged with what is stored: still a 400 naming maxAge.
    const res = await t.request('PATCH', '/api/groups/teen-kitchen', {
      cookie: cookies.staffA,
      body: { minAge: 19 },
    });
    expect(res.status).toBe(400);
    const { error } = ApiErrorSchema.parse(await res.json());
    expect(error.issues.map((i) => i.path)).toEqual(['maxAge']);
    expect(error.issues[0]?.message).toMatch(/oldest age/);
    expect(dumpTables(t.db)).toBe(kept);
  });
});
