// Write-to-fresh-feed benchmark in one process, no sockets (prints figures; not a test).
// `npx tsx bench/write-to-fresh.ts path/to/bench.db [edits]`, on a database from
// tests/bench/generate-data.ts: renders every feed session 1 is in, then PATCHes its title and
// times, feed by feed, how long the app takes to answer with the change, uncompressed and with
// `Accept-Encoding: br, gzip` (gzip at once, joined from kept chunk segments; br follows).

import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.ts';
import { createLogin } from '../src/auth/logins.queries.ts';
import { LOGIN_COOKIE } from '../src/auth/login.ts';
import { insertUser } from '../src/users/users.queries.ts';
import { createReadCache } from '../src/cache/read-cache.ts';
import { openDb } from '../src/db/open-db.ts';
import { sessionRenderCount } from '../src/feeds/render-calendar.ts';
import { getSession } from '../src/sessions/sessions.queries.ts';
import { affectedFeeds } from './affected-feeds.ts';

const [path, editsArg = '3'] = process.argv.slice(2);
if (path === undefined) {
  console.error('Usage: tsx bench/write-to-fresh.ts <database> [edits]');
  process.exit(1);
}
const PUBLIC_URL = 'http://localhost:8787';
const db = openDb(path);
const app = createApp({
  db,
  clock: () => new Date(),
  publicUrl: PUBLIC_URL,
  cache: createReadCache(),
});
const now = new Date().toISOString();
const adminId = insertUser(
  db,
  {
    email: `bench-${Date.now()}@example.org`,
    name: 'Bench',
    role: 'admin',
    venues: [],
    passwordHash: 'x',
  },
  now,
);
const cookie = `${LOGIN_COOKIE}=${createLogin(db, adminId, new Date())}`;
const session = getSession(db, 1);
if (session === null) throw new Error('No session 1 in that database');
const feeds = affectedFeeds(session);
const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;

for (const encoding of ['identity', 'br, gzip']) {
  const headers = { 'accept-encoding': encoding };
  let started = performance.now();
  for (const f of feeds) await (await app.request(f, { headers })).arrayBuffer();
  console.log(`[${encoding}] first render of ${feeds.length} feeds: ${ms(started)} ms`);
  for (let edit = 1; edit <= Number(editsArg); edit += 1) {
    const title = `Bench edit ${Date.now()}`;
    const renders = sessionRenderCount();
    started = performance.now();
    const res = await app.request('/api/sessions/1', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL, cookie },
      body: JSON.stringify({ title }),
    });
    if (res.status !== 200) throw new Error(`PATCH gave ${res.status}: ${await res.text()}`);
    const patch = ms(started);
    const times: string[] = [];
    for (const f of feeds) {
      const res = await app.request(f, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      const encodingSent = res.headers.get('content-encoding') ?? 'identity';
      // Check the change arrived in what was sent (compressed or not).
      if (encodingSent === 'identity' && !body.includes(title)) throw new Error(`${f} is stale`);
      times.push(`${f} ${ms(started)} (${encodingSent}, ${(body.byteLength / 1e6).toFixed(2)} MB)`);
    }
    console.log(
      `[${encoding}] edit ${edit}: PATCH ${patch} ms; fresh at ${times.join('; ')}; ` +
        `sessions re-rendered: ${sessionRenderCount() - renders}`,
    );
    await new Promise((r) => setTimeout(r, 1500));
  }
}
db.close();
