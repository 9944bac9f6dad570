import { RecentChangesSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { makeStaffTestApp, VENUE_A, VENUE_B, type StaffTestApp } from '../test-support.ts';

async function recent(t: StaffTestApp, cookie: string) {
  const res = await t.request('GET', '/api/recent-changes', { cookie });
  expect(res.status).toBe(200);
  return RecentChangesSchema.parse(await res.json());
}

function newSession(title: string, venue: string) {
  return {
    title,
    venue,
    ways: ['connect'],
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '11:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
  };
}

describe('what changed this week', () => {
  it('sums up new, cancelled and closed, each person seeing only their venues', async () => {
    const t = makeStaffTestApp();
    const { ids, cookies } = await t.createPeople();
    await t.request('POST', '/api/sessions', {
      cookie: cookies.staffA,
      body: newSession('Coffee morning', VENUE_A),
    });
    await t.request('POST', '/api/sessions', {
      cookie: cookies.staffB,
      body: newSession('Board games', VENUE_B),
    });
    await t.request('POST', '/api/sessions/1/cancellations', {
      cookie: cookies.staffA,
      body: { date: '2027-04-06', reason: 'Staff unavailable' },
    });
    await t.request('POST', '/api/closures', {
      cookie: cookies.staffA,
      body: { venue: VENUE_A, from: '2027-03-01', to: '2027-03-10', reason: 'Boiler failure' },
    });

    const a = await recent(t, cookies.staffA);
    expect(a.counts).toEqual({ new: 1, changed: 0, cancelled: 1, closure: 1 });
    expect(a.items.map((i) => `${i.kind}: ${i.title}: ${i.detail}`)).toEqual([
      'closure: Gorse Hill Community Hub closed 1 Mar – 10 Mar: Boiler failure (4 dates cancelled)',
      'cancelled: Walk and Talk: 6 Apr: Staff unavailable',
      'new: Coffee morning: Published',
    ]);
    expect(a.items[1]?.href).toBe('/staff/sessions/1');
    expect(a.items[0]?.by).toBe('a');

    const b = await recent(t, cookies.staffB);
    expect(b.counts).toEqual({ new: 1, changed: 0, cancelled: 0, closure: 0 });
    expect((await recent(t, cookies.admin)).counts.new).toBe(2);

    t.advance(8 * 86_400_000);
    // A login lasts less than a week idle: log in again to look.
    expect((await recent(t, t.cookieFor(ids.admin))).items).toEqual([]);
  });

  it('is for logged-in staff only', async () => {
    const t = makeStaffTestApp();
    expect((await t.request('GET', '/api/recent-changes')).status).toBe(401);
  });
});
