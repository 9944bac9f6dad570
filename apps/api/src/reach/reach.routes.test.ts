import { describe, expect, it } from 'vitest';
import { KIOSK_REACH_MAX_COUNT, KIOSK_REACH_MAX_DAYS } from '@fiveways/shared/reach-events';
import { makeStaffTestApp, VENUE_A } from '../test-support.ts';
import { KIOSK_BATCHES_PER_WINDOW, KIOSK_BATCH_WINDOW_MS } from './reach.routes.ts';
import { listKioskCounts } from './reach.queries.ts';

const TODAY = '2026-11-23';
const ALL_DAYS = { from: '2000-01-01', to: '2100-01-01' };

function batch(counts: unknown[], extra: Record<string, unknown> = {}) {
  return { venue: VENUE_A, days: [{ day: TODAY, counts }], ...extra };
}

async function issuesOf(res: Response): Promise<{ path: string; message: string }[]> {
  const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
  return body.error.issues;
}

describe('POST /api/reach/kiosk', () => {
  it('adds a batch of counts to the day, venue, event and detail', async () => {
    const t = makeStaffTestApp();
    const counts = [
      { event: 'visit', detail: '', count: 3 },
      { event: 'way', detail: 'be-active', count: 2 },
      { event: 'filter', detail: 'day:every-tue', count: 1 },
      { event: 'filter', detail: 'area:warndon', count: 1 },
      { event: 'filter', detail: 'audience:young-people', count: 1 },
      { event: 'session-opened', detail: '', count: 2 },
      { event: 'take-home-shown', detail: '', count: 1 },
      {
        event: 'zero-results',
        detail: 'way=give;day=tomorrow;area=warndon;audience=young-people',
        count: 1,
      },
    ];
    expect((await t.request('POST', '/api/reach/kiosk', { body: batch(counts) })).status).toBe(204);
    const again = batch([{ event: 'visit', detail: '', count: 2 }]);
    expect((await t.request('POST', '/api/reach/kiosk', { body: again })).status).toBe(204);
    const noVenue = { venue: '', days: [{ day: '2026-11-22', counts: [counts[1]] }] };
    expect((await t.request('POST', '/api/reach/kiosk', { body: noVenue })).status).toBe(204);
    const rows = listKioskCounts(t.db, ALL_DAYS);
    expect(rows).toContainEqual({
      day: TODAY,
      venue: VENUE_A,
      event: 'visit',
      detail: '',
      count: 5,
    });
    expect(rows).toContainEqual({
      day: '2026-11-22',
      venue: '',
      event: 'way',
      detail: 'be-active',
      count: 2,
    });
    expect(rows).toHaveLength(9);
  });

  it('refuses what it does not know with a 400 naming the field', async () => {
    const t = makeStaffTestApp();
    const cases: [unknown, string, RegExp][] = [
      [batch([{ event: 'click', detail: '', count: 1 }]), 'days.0.counts.0.event', /visit/],
      [batch([{ event: 'way', detail: 'be-happy', count: 1 }]), 'days.0.counts.0.detail', /ways/],
      [batch([{ event: 'visit', detail: 'x', count: 1 }]), 'days.0.counts.0.detail', /empty/],
      [
        batch([{ event: 'filter', detail: 'area:nowhere', count: 1 }]),
        'days.0.counts.0.detail',
        /no area called "nowhere"/,
      ],
      [
        batch([{ event: 'filter', detail: 'day:2026-11-24', count: 1 }]),
        'days.0.counts.0.detail',
        /day choice/,
      ],
      [
        batch([{ event: 'zero-results', detail: 'way=give;area=warndon', count: 1 }]),
        'days.0.counts.0.detail',
        /way=/,
      ],
      [
        batch([{ event: 'zero-results', detail: 'way=;day=;area=nowhere;audience=', count: 1 }]),
        'days.0.counts.0.detail',
        /no area/,
      ],
      [
        batch([{ event: 'visit', detail: '', count: KIOSK_REACH_MAX_COUNT + 1 }]),
        'days.0.counts.0.count',
        /at most/,
      ],
      [batch([{ event: 'visit', detail: '', count: 0 }]), 'days.0.counts.0.count', /at least/],
      [batch([{ event: 'visit', detail: '', count: 1.5 }]), 'days.0.counts.0.count', /whole/],
      [batch([], { venue: 'no-such-venue' }), 'venue', /no venue called/],
      [
        batch([{ event: 'visit', detail: '', count: 1, device: 'kiosk-7' }]),
        'days.0.counts.0.device',
        /device/,
      ],
      [batch([], { deviceId: 'abc' }), 'deviceId', /deviceId/],
      [
        { venue: VENUE_A, days: [{ day: '2026-11-01', counts: [] }] },
        'days.0.day',
        /from 2026-11-10/,
      ],
      [
        { venue: VENUE_A, days: [{ day: '2026-11-25', counts: [] }] },
        'days.0.day',
        /to 2026-11-24/,
      ],
      [
        {
          venue: VENUE_A,
          days: Array.from({ length: KIOSK_REACH_MAX_DAYS + 1 }, () => ({
            day: TODAY,
            counts: [],
          })),
        },
        'days',
        /at most/,
      ],
      [{ venue: VENUE_A, days: [] }, 'days', /at least one/],
      [
        batch(Array.from({ length: 201 }, () => ({ event: 'visit', detail: '', count: 1 }))),
        'days.0.counts',
        /at most 200/,
      ],
      [
        batch(
          ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'].map((w) => ({
            event: 'way',
            detail: w,
            count: 500,
          })),
        ),
        'days',
        /add up to at most/,
      ],
    ];
    for (const [body, path, message] of cases) {
      const res = await t.request('POST', '/api/reach/kiosk', { body });
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      const issues = await issuesOf(res);
      expect(issues[0]?.path, JSON.stringify(issues)).toBe(path);
      expect(issues[0]?.message).toMatch(message);
    }
    expect(listKioskCounts(t.db, ALL_DAYS)).toEqual([]);
  });

  it('takes a few batches per address in a window, then says to wait', async () => {
    const t = makeStaffTestApp();
    const body = batch([{ event: 'visit', detail: '', count: 1 }]);
    for (let i = 0; i < KIOSK_BATCHES_PER_WINDOW; i++) {
      expect((await t.request('POST', '/api/reach/kiosk', { body })).status).toBe(204);
    }
    const refused = await t.request('POST', '/api/reach/kiosk', { body });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('600');
    // Another address is not held back; the first is again after the window.
    const other = await t.request('POST', '/api/reach/kiosk', { body, address: '192.0.2.99' });
    expect(other.status).toBe(204);
    t.advance(KIOSK_BATCH_WINDOW_MS);
    expect((await t.request('POST', '/api/reach/kiosk', { body })).status).toBe(204);
    const visits = listKioskCounts(t.db, ALL_DAYS, { event: 'visit' });
    expect(visits.reduce((sum, r) => sum + r.count, 0)).toBe(KIOSK_BATCHES_PER_WINDOW + 2);
  });

  it('says how long counts are kept', async () => {
    const t = makeStaffTestApp();
    const res = await t.request('GET', '/api/reach/retention');
    expect(await res.json()).toEqual({ months: 13 });
  });

  it('refuses a batch from another site', async () => {
    const t = makeStaffTestApp();
    const body = batch([{ event: 'visit', detail: '', count: 1 }]);
    const res = await t.request('POST', '/api/reach/kiosk', { body, origin: 'https://evil.test' });
    expect(res.status).toBe(403);
  });
});
