// `pnpm --filter @fiveways/tests exec tsx bench/whole-feed.ts [SESSIONS,...]`: what the simple
// design would cost per version of all.ics (docs/SCALING.md): loading every active session from
// SQLite, rendering the whole feed with the renderer, and compressing it whole (gzip -6 as
// hono/compress or a proxy does, brotli at the quality the service uses). Prints figures only.
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { addDays, londonDateOf } from '@fiveways/shared';
import { openDb } from '@fiveways/api/src/db/open-db.ts';
import { renderCalendar } from '@fiveways/api/src/feeds/reference-render.ts';
import { listSessions } from '@fiveways/api/src/sessions/sessions.queries.ts';
import { listVenues } from '@fiveways/api/src/venues/venues.queries.ts';
import { fillGeneratedDirectory } from './generate-data.ts';

const sizes = (process.argv[2] ?? '100,250,500,1000,2000,5000').split(',').map(Number);
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

const now = new Date();
const today = londonDateOf(now);
// The feeds' window: four weeks back, a year ahead.
const window = { from: addDays(today, -28), to: addDays(today, 365) };
console.log(
  'sessions | load ms | render ms | per session ms | KB | gzip -6 ms | KB | br q5 ms | KB',
);
for (const count of sizes) {
  const db = openDb(':memory:');
  fillGeneratedDirectory(db, { groups: Math.round(count * 0.4), sessions: count }, now);
  const loads: number[] = [];
  const renders: number[] = [];
  const gzips: number[] = [];
  const brs: number[] = [];
  let bytes = new Uint8Array(0);
  let gz = 0;
  let br = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const [input, loadMs] = timed(() => ({ sessions: listSessions(db), venues: listVenues(db) }));
    const [text, renderMs] = timed(() =>
      renderCalendar({
        name: 'All sessions',
        description: '',
        ...input,
        publicUrl: 'https://fiveways.example.org',
        window,
        refreshHours: 1,
      }),
    );
    bytes = Buffer.from(text);
    const [gzipped, gzipMs] = timed(() => gzipSync(bytes, { level: 6 }));
    const [brotli, brMs] = timed(() =>
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    );
    gz = gzipped.byteLength;
    br = brotli.byteLength;
    // The first run warms up the code and is not counted.
    if (run === 0) continue;
    loads.push(loadMs);
    renders.push(renderMs);
    gzips.push(gzipMs);
    brs.push(brMs);
  }
  const kb = (n: number) => Math.round(n / 1024);
  const render = median(renders);
  console.log(
    [
      count,
      median(loads).toFixed(1),
      render.toFixed(1),
      (render / count).toFixed(3),
      kb(bytes.byteLength),
      median(gzips).toFixed(1),
      kb(gz),
      median(brs).toFixed(1),
      kb(br),
    ].join(' | '),
  );
  db.close();
}
