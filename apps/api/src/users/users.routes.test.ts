import { ApiErrorSchema, UserSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error;
}

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

describe('account writes and the read cache', () => {
  it('leave every cached public answer standing: accounts show on no public page', async () => {
    const t = makeStaffTestApp();
    const { cookies, ids } = await t.createPeople();
    const version = t.cache.version();
    const writes = [
      await t.request('POST', '/api/users', {
        cookie: cookies.admin,
        body: { email: 'c@example.org', name: 'C', venues: [VENUE_A] },
      }),
      await t.request('PATCH', `/api/users/${ids.staffB}`, {
        cookie: cookies.admin,
        body: { name: 'B. Person' },
      }),
      await t.request('POST', `/api/users/${ids.staffB}/reset`, { cookie: cookies.admin }),
    ];
    expect(writes.map((r) => r.status)).toEqual([201, 200, 200]);
    expect(t.cache.version()).toBe(version);
  });
});
