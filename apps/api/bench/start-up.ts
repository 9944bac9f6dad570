// Start-up benchmark in one process (prints figures; not a test).
// `npx tsx bench/start-up.ts path/to/bench.db`, on a database from tests/bench/generate-data.ts:
// times what the server does before and just after it listens: loading the active sessions into
// memory, the background warm-up that renders every session's events, and the first all.ics.

import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.ts';
import { createReadCache } from '../src/cache/read-cache.ts';
import { createSessionStore } from '../src/cache/session-store.ts';
import { openDb } from '../src/db/open-db.ts';
import { createLogger } from '../src/ops/logger.ts';

const [path] = process.argv.slice(2);
if (path === undefined) {
  console.error('Usage: tsx bench/start-up.ts <database>');
  process.exit(1);
}
const db = openDb(path);
const cache = createReadCache();
const sessionStore = createSessionStore(db, cache);
let started = performance.now();
sessionStore.load();
const loadMs = performance.now() - started;
console.log(
  `session store: ${sessionStore.sessions().length} active sessions loaded in ${loadMs.toFixed(0)} ms`,
);

let warmed = '';
const app = createApp({
  db,
  clock: () => new Date(),
  publicUrl: 'http://localhost:8787',
  cache,
  sessionStore,
  log: createLogger({
    write: (line) => {
      if (line.includes('feeds warmed')) warmed = line.trim();
    },
  }),
  warmFeeds: true,
});
started = performance.now();
// Asked for at once, as after a restart: it waits for the warm-up, then assembles.
const res = await app.request('/feeds/all.ics');
const bytes = (await res.arrayBuffer()).byteLength;
console.log(`warm-up: ${warmed}`);
console.log(
  `first all.ics: ${(performance.now() - started).toFixed(0)} ms after start-up, ${bytes} bytes`,
);
db.close();
