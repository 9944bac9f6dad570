// Anonymous readers choose their query strings: however many different ones they send, the read
// cache stays within its byte budget, and every answer is still the right one.
import { addDays, buildOccurrences, pageOf } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { listGroups } from '../groups/groups.queries.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { makeFixture, openTestDb, testClock } from '../test-support.ts';
import { listVenues } from '../venues/venues.queries.ts';

const WAYS = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const BUDGET = 128 * 1024;

/** The small fixture grown to lists of tens of kilobytes: 40 more sessions, 400 groups. */
function largerFixture() {
  const data = makeFixture();
  const venues = data.venues.map((v) => v.slug);
  for (let i = 0; i < 40; i += 1) {
    data.sessions.push({
      title: `Session ${i}`,
      venue: venues[i % venues.length] ?? 'gorse-hill-hub',
      ways: [WAYS[i % WAYS.length] ?? 'connect'],
      startDate: '2027-01-04',
      startTime: `${String(8 + (i % 10)).padStart(2, '0')}:00`,
      endTime: '19:00',
      repeat: {
        every: 'week',
        interval: 1,
        days: [DAYS[i % 7] ?? 'mon', DAYS[(i + 3) % 7] ?? 'thu'],
      },
    } as (typeof data.sessions)[number]);
  }
  for (let i = 0; i < 400; i += 1) {
    data.groups.push({
      slug: `group-${i}`,
      name: `Group ${(i * 37) % 400}`,
      ways: [WAYS[i % WAYS.length] ?? 'connect'],
      areaSlugs: [data.areas[i % data.areas.length]?.slug ?? 'warndon'],
      audiences: ['adults'],
      checkedAt: null,
    } as (typeof data.groups)[number]);
  }
  return data;
}

/** A small seeded generator: the same run every time. */
function randomFrom(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

describe('thousands of different list queries', { timeout: 180_000 }, () => {
  const db = openTestDb(largerFixture());
  const cache = createReadCache({ budgetBytes: BUDGET });
  const app = createApp({ db, cache, clock: testClock, publicUrl: 'http://localhost:8787' });
  const random = randomFrom(12);

  it('keep /api/occurrences within the budget, every page right', async () => {
    const sessions = listSessions(db);
    const venues = listVenues(db);
    const lists = new Map<string, ReturnType<typeof buildOccurrences>>();
    let asked = 0;
    for (let i = 0; i < 2000; i += 1) {
      const from = addDays('2027-01-01', random(200));
      const to = addDays(from, random(31));
      const way = random(3) === 0 ? WAYS[random(5)] : undefined;
      const page = random(4) === 0 ? {} : { limit: 1 + random(60), offset: random(400) };
      const query = new URLSearchParams({ from, to, ...(way ? { way } : {}) });
      for (const [k, v] of Object.entries(page)) query.set(k, String(v));
      const res = await app.request(`/api/occurrences?${query.toString()}`);
      const body = await res.text();
      const key = JSON.stringify([from, to, way]);
      const all = lists.get(key) ?? buildOccurrences(sessions, venues, { from, to, way });
      if (!lists.has(key)) asked += JSON.stringify(all).length;
      lists.set(key, all);
      expect(body).toBe(JSON.stringify({ occurrences: pageOf(all, page), total: all.length }));
      expect(cache.bytes()).toBeLessThanOrEqual(BUDGET);
    }
    // Far more was asked for than the budget holds: it had to let lists go, and did.
    expect(asked).toBeGreaterThan(20 * BUDGET);
  });

  it('keep /api/groups within the budget, every page right', async () => {
    const areas = ['gorse-hill', 'rainbow-hill', 'warndon', 'nowhere'];
    const lists = new Map<string, ReturnType<typeof listGroups>>();
    for (let i = 0; i < 1000; i += 1) {
      const filter = {
        ...(random(2) === 0 ? { way: WAYS[random(5)] } : {}),
        ...(random(2) === 0 ? { area: areas[random(4)] } : {}),
      };
      const page = random(4) === 0 ? {} : { limit: 1 + random(100), offset: random(450) };
      const query = new URLSearchParams(filter);
      for (const [k, v] of Object.entries(page)) query.set(k, String(v));
      const res = await app.request(`/api/groups?${query.toString()}`, {
        headers: { 'accept-encoding': random(2) === 0 ? 'gzip' : 'identity' },
      });
      if (filter.area === 'nowhere') {
        // An unknown area is a 400 naming it, as the feeds answer.
        expect(res.status).toBe(400);
        expect(cache.bytes()).toBeLessThanOrEqual(BUDGET);
        continue;
      }
      const key = JSON.stringify(filter);
      const all = lists.get(key) ?? listGroups(db, filter);
      lists.set(key, all);
      const expected = JSON.stringify({ items: pageOf(all, page), total: all.length });
      expect(await new Response(decoded(res)).text()).toBe(expected);
      expect(cache.bytes()).toBeLessThanOrEqual(BUDGET);
    }
  });
});

/** The body as sent, gunzipped if it came compressed. */
function decoded(res: Response): ReadableStream<Uint8Array> | null {
  if (res.headers.get('content-encoding') !== 'gzip' || res.body === null) return res.body;
  return res.body.pipeThrough(new DecompressionStream('gzip'));
}
