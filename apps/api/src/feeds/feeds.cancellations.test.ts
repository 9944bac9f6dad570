// A cancelled occurrence stays in every feed holding its session for as long as it is inside
// the feed's window (four weeks back to a year ahead), so subscribers keep seeing why a date
// did not happen; it leaves only with the window.

import { describe, expect, it } from 'vitest';
import { makeStaffTestApp } from '../test-support.ts';
import { eventBlocks, prop } from './feed-test-helpers.ts';

const DAY = 86_400_000;
const FEEDS = [
  '/feeds/all.ics',
  '/feeds/ways/be-active.ics',
  '/feeds/venues/gorse-hill-hub.ics',
  '/feeds/areas/gorse-hill.ics',
  '/feeds/groups/walking-for-health.ics',
  '/feeds/sessions/1.ics',
];

async function cancelledIn(t: ReturnType<typeof makeStaffTestApp>, path: string) {
  const ics = await (await t.request('GET', path)).text();
  return (
    eventBlocks(ics)
      // Dates moved to another venue are cancelled in the usual venue's feeds, as 'Moved:'.
      .filter((b) => prop(b, 'STATUS')?.value === 'CANCELLED')
      .filter((b) => !prop(b, 'SUMMARY')?.value.startsWith('Moved: '))
      .map((b) => `${prop(b, 'UID')?.value ?? ''} ${prop(b, 'DTSTART')?.value ?? ''}`)
  );
}

/**
 * The cancellations a feed shows once it has caught up with a new day: the first request after
 * the window moves gets the previous day's feed while the new one is assembled a slice at a time.
 */
async function cancelledOnNewDay(t: ReturnType<typeof makeStaffTestApp>, path: string) {
  const before = await cancelledIn(t, path);
  for (let turn = 0; turn < 1000; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = await cancelledIn(t, path);
    if (JSON.stringify(now) !== JSON.stringify(before)) return now;
  }
  return before;
}

describe('cancellations in feeds', () => {
  it('stay while inside the window, past dates too, and leave with it', async () => {
    const t = makeStaffTestApp();
    // Walk and Talk, weekly on Tuesdays from 2 March 2027 (the clock read 23 November 2026).
    t.advance(Date.parse('2027-04-01T10:00:00Z') - t.clock().getTime());
    const { cookies } = await t.createPeople();
    for (const date of ['2027-04-06', '2028-03-28']) {
      const res = await t.request('POST', '/api/sessions/1/cancellations', {
        cookie: cookies.admin,
        body: { date, reason: 'Hall closed' },
      });
      expect(res.status).toBe(201);
    }
    const both = [
      'fiveways-worcester-session-1 20270406T100000',
      'fiveways-worcester-session-1 20280328T100000',
    ];
    // The fixture's own cancellation (16 March) is already in the past window too.
    for (const path of FEEDS) {
      expect(await cancelledIn(t, path)).toEqual([
        'fiveways-worcester-session-1 20270316T100000',
        ...both,
      ]);
    }
    // 28 days after the April date: still inside the window; the March one has left it.
    t.advance(Date.parse('2027-05-04T12:00:00Z') - t.clock().getTime());
    for (const path of FEEDS) expect(await cancelledOnNewDay(t, path)).toEqual(both);
    // A day later the April date leaves the window, and the feeds.
    t.advance(DAY);
    for (const path of FEEDS) {
      expect(await cancelledOnNewDay(t, path)).toEqual([
        'fiveways-worcester-session-1 20280328T100000',
      ]);
    }
  });
});
