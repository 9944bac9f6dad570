// What counting feed reach costs a feed request: the counter alone, and whole requests (304 and
// 200) through the app with and without it, interleaved so both see the same machine.
// Run: pnpm --filter @fiveways/api exec tsx src/reach/measure-feed-reach.ts (SAME=1: an A/A run)
import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createApp } from '../app.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { openDb } from '../db/open-db.ts';
import { readSampleDataFile, seedSampleData } from '../db/seed.ts';
import { createFeedReach, type FeedReach } from './feed-reach.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const db = openDb(':memory:');
seedSampleData(db, readSampleDataFile(), NOW);

const clients = Array.from({ length: 5000 }, (_, i) => ({
  address: `203.0.${Math.floor(i / 250)}.${i % 250}`,
  userAgent: `Calendar/${i % 7}.0 (iPhone; CPU iPhone OS 17_${i % 9} like Mac OS X)`,
}));

/** ns per counted request, the batched hashing and the write included; best of 5. */
function measureCounter(distinct: number, n: number): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const reach = createFeedReach({ db, clock: () => NOW });
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const c = clients[i % distinct];
      if (c !== undefined) reach.count('way:be-active', c.address, c.userAgent);
    }
    reach.flush();
    best = Math.min(best, ((performance.now() - start) * 1e6) / n);
  }
  return best;
}

/** ns per createHmac call, as hashing inline on every request would cost; best of 5. */
function measureInlineHmac(): number {
  const salt = randomBytes(32);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const n = 100_000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const c = clients[i % clients.length];
      createHmac('sha256', salt)
        .update(`${c?.address ?? ''}\n${c?.userAgent ?? ''}`)
        .digest();
    }
    best = Math.min(best, ((performance.now() - start) * 1e6) / n);
  }
  return best;
}

const NOT_COUNTING: FeedReach = { count: () => undefined, flush: () => undefined };

function appWith(feedReach: FeedReach) {
  return createApp({
    db,
    clock: () => NOW,
    publicUrl: 'http://localhost:8787',
    cache: createReadCache(),
    feedReach,
  });
}

async function timeRequests(
  app: ReturnType<typeof appWith>,
  path: string,
  headers: Record<string, string>,
  n: number,
  after: () => void = () => undefined,
): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const c = clients[i % clients.length];
    const res = await app.request(
      path,
      { headers: { ...headers, 'user-agent': c?.userAgent ?? '' } },
      { incoming: { socket: { remoteAddress: c?.address ?? '' } } },
    );
    await res.arrayBuffer();
  }
  after();
  return ((performance.now() - start) * 1000) / n;
}

/** The quickest round: on a shared machine the others mostly measure the neighbours. */
const median = (xs: number[]) => Math.min(...xs);

async function compare(path: string, conditional: boolean) {
  const reach = createFeedReach({ db, clock: () => NOW });
  const counting = appWith(process.env['SAME'] ? NOT_COUNTING : reach);
  const plain = appWith(NOT_COUNTING);
  const first = await plain.request(path);
  const etag = first.headers.get('etag') ?? '';
  await counting.request(path);
  const headers: Record<string, string> = conditional ? { 'if-none-match': etag } : {};
  const n = conditional ? 4000 : 400;
  // Warm both, then alternate rounds.
  await timeRequests(plain, path, headers, n);
  await timeRequests(counting, path, headers, n);
  const without: number[] = [];
  const withReach: number[] = [];
  for (let round = 0; round < 15; round++) {
    without.push(await timeRequests(plain, path, headers, n));
    // Each request of a round is a client new to the batch, so each is hashed: the dearest case.
    withReach.push(await timeRequests(counting, path, headers, n, () => reach.flush()));
  }
  const a = median(without);
  const b = median(withReach);
  console.log(
    `${conditional ? '304' : '200'} ${path}: ${a.toFixed(1)} µs without counting, ` +
      `${b.toFixed(1)} µs with (+${(b - a).toFixed(1)} µs, ratio ${(b / a).toFixed(3)})`,
  );
}

console.log(`createHmac inline, for comparison: ${measureInlineHmac().toFixed(0)} ns per request`);
console.log(
  `counter, every request a new client: ${measureCounter(5000, 5000).toFixed(0)} ns per request`,
);
console.log(
  `counter, 50 clients asking again: ${measureCounter(50, 100_000).toFixed(0)} ns per request`,
);
// Whole requests; SAME=1 runs both sides without counting, to show how noisy the machine is.
await compare('/feeds/ways/be-active.ics', true);
await compare('/feeds/all.ics', true);
await compare('/feeds/ways/be-active.ics', false);
db.close();
