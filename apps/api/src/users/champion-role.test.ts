// The Community Champion role: granted by an admin, never with a venue's rights.
import { describe, expect, it } from 'vitest';
import { adminOnly } from '../auth/login.ts';
import { canManageGroup } from '../groups/groups.policy.ts';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';
import { canManageVenue } from '../venues/venues.policy.ts';

describe('the Community Champion role', () => {
  it('is granted on a new account and on an existing one, and takes no venues with it', async () => {
    const t = makeStaffTestApp();
    const people = await t.createPeople();
    const made = await t.request('POST', '/api/users', {
      cookie: people.cookies.admin,
      body: { email: 'ali@example.org', name: 'Ali', role: 'champion', venues: [VENUE_A] },
    });
    expect(made.status).toBe(201);
    expect(((await made.json()) as { user: unknown }).user).toMatchObject({
      role: 'champion',
      venues: [],
    });
    const changed = await t.request('PATCH', `/api/users/${people.ids.staffA}`, {
      cookie: people.cookies.admin,
      body: { role: 'champion' },
    });
    expect(await changed.json()).toMatchObject({ role: 'champion', venues: [] });
    const listed = await t.request('GET', '/api/users', { cookie: people.cookies.admin });
    const roles = ((await listed.json()) as { items: { role: string }[] }).items.map((u) => u.role);
    expect(roles.filter((r) => r === 'champion')).toHaveLength(2);
  });

  it('names the roles when an unknown one is sent', async () => {
    const t = makeStaffTestApp();
    const people = await t.createPeople();
    const res = await t.request('POST', '/api/users', {
      cookie: people.cookies.admin,
      body: { email: 'x@example.org', name: 'X', role: 'moderator' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues[0]).toMatchObject({ path: 'role' });
    expect(body.error.issues[0]?.message).toMatch(/champion/);
  });

  it('gets no venue’s rights from the access rules, even listed against a venue', () => {
    const champion = {
      id: 9,
      email: 'c@example.org',
      name: 'C',
      role: 'champion' as const,
      venues: [VENUE_A],
    };
    expect(canManageVenue(champion, VENUE_A)).toBe(false);
    expect(canManageVenue(champion, null)).toBe(false);
    expect(canManageGroup(champion, { venueSlug: VENUE_A })).toBe(false);
    expect(adminOnly(champion, { before: null, after: null })).toBe(false);
  });
});
