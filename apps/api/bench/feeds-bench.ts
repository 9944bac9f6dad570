// Feed benchmark (prints figures; not a test). Run from apps/api: `npx tsx bench/feeds-bench.ts`.
// 1. Time to render all.ics from 1,000 and 10,000 generated sessions.
// 2. Requests per second of a cached feed and of 304s, each as a ratio to a trivial route on the
//    same server in the same run; load comes from autocannon in a child process when the tests
//    package has it installed, otherwise from concurrent fetches in this process.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { WAY_SLUGS, addDays, type Session, type Venue } from '@fiveways/shared';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createReadCache } from '../src/cache/read-cache.ts';
import { createSessionStore } from '../src/cache/session-store.ts';
import { feedRoutes } from '../src/feeds/feeds.routes.ts';
import { renderCalendar } from '../src/feeds/reference-render.ts';
import { makeFixture, openTestDb } from '../src/test-support.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const SECONDS = Number(process.argv[2] ?? 5);
const AUTOCANNON = join(import.meta.dirname, '../../../tests/node_modules/.bin/autocannon');

/** A session input of the sample-data shape, varied by n. */
function sessionInput(n: number, venues: readonly string[]) {
  const kind = n % 10;
  const startDate = addDays('2026-09-07', n % 120);
  return {
    title: `Session ${n}: tea, talk; and more`,
    venue: venues[n % venues.length] ?? 'gorse-hill-hub',
    ways: [WAY_SLUGS[n % 5] ?? 'connect', WAY_SLUGS[(n + 2) % 5] ?? 'give'],
    startDate,
    startTime: `${String(9 + (n % 10)).padStart(2, '0')}:00`,
    endTime: `${String(10 + (n % 10)).padStart(2, '0')}:30`,
    repeat:
      kind === 0
        ? null
        : kind === 1
          ? { every: 'month', weekday: DAYS[n % 6] ?? 'mon', nth: -1 }
          : { every: 'week', interval: 1 + (n % 2), days: [DAYS[n % 6] ?? 'mon'] },
    count: kind === 2 ? 5 : null,
    skipBankHolidays: kind === 3,
    description: 'A friendly group for everyone. Come along, bring a friend.',
    exceptions:
      kind >= 4 && kind !== 0
        ? [
            {
              date: addDays(startDate, 7 * (20 + (n % 6))),
              kind: 'cancelled',
              reason: 'Staff away',
            },
          ]
        : [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeRender(sessions: Session[], venues: Venue[]): number {
  const input = {
    name: 'Five Ways Worcester — All sessions',
    description: '',
    sessions,
    venues,
    publicUrl: 'https://fiveways.example.org',
    window: { from: '2026-10-26', to: '2027-11-23' },
    refreshHours: 1,
  };
  renderCalendar(input);
  const runs = [0, 1, 2].map(() => {
    const start = performance.now();
    renderCalendar(input);
    return performance.now() - start;
  });
  return median(runs);
}

/** Requests per second against url for SECONDS, with 50 connections. */
async function requestsPerSecond(url: string, headers: Record<string, string>): Promise<number> {
  if (existsSync(AUTOCANNON)) {
    const args = ['-c', '50', '-d', String(SECONDS), '-j'];
    for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
    // Asynchronous: the server under test runs in this process and must keep answering.
    const { stdout } = await promisify(execFile)(AUTOCANNON, [...args, url], { encoding: 'utf8' });
    const result = JSON.parse(stdout) as { requests: { average: number }; non2xx: number };
    return result.requests.average;
  }
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        done += 1;
      }
    }),
  );
  return done / SECONDS;
}

async function main() {
  const fixture = makeFixture();
  const venueSlugs = fixture.venues.map((v) => v.slug);
  console.log('Render time of all.ics (median of 3, after a warm-up):');
  for (const count of [1_000, 10_000]) {
    const sessions = Array.from({ length: count }, (_, n) => sessionInput(n, venueSlugs));
    const db = openTestDb({ ...fixture, sessions });
    const { listSessions } = await import('../src/sessions/sessions.queries.ts');
    const { listVenues } = await import('../src/venues/venues.queries.ts');
    const ms = timeRender(listSessions(db), listVenues(db));
    console.log(`  ${count.toLocaleString('en-GB')} sessions: ${ms.toFixed(0)} ms`);
    db.close();
  }

  const sessions = Array.from({ length: 1_000 }, (_, n) => sessionInput(n, venueSlugs));
  const db = openTestDb({ ...fixture, sessions });
  const app = new Hono();
  app.get('/trivial', (c) => c.text('ok'));
  const cache = createReadCache();
  app.route(
    '/',
    feedRoutes({
      db,
      cache,
      sessionStore: createSessionStore(db, cache),
      publicUrl: 'http://x',
      clock: () => new Date('2026-11-23T10:00:00Z'),
    }),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = await fetch(`${base}/feeds/all.ics`);
  const etag = first.headers.get('etag') ?? '';
  const size = (await first.arrayBuffer()).byteLength;

  console.log(
    `\nHTTP, ${SECONDS} s each, 50 connections, ${existsSync(AUTOCANNON) ? 'autocannon' : 'fetch loop'}:`,
  );
  const trivial = await requestsPerSecond(`${base}/trivial`, {});
  const cached = await requestsPerSecond(`${base}/feeds/all.ics`, {});
  const notModified = await requestsPerSecond(`${base}/feeds/all.ics`, { 'If-None-Match': etag });
  const row = (label: string, rps: number) =>
    console.log(
      `  ${label.padEnd(34)} ${rps.toFixed(0).padStart(7)} req/s  ${(rps / trivial).toFixed(2)}× trivial`,
    );
  row('trivial route', trivial);
  row(`cached all.ics (${(size / 1024).toFixed(0)} KB, 1,000 sessions)`, cached);
  row('all.ics 304 (If-None-Match)', notModified);
  server.close();
  db.close();
}

await main();
