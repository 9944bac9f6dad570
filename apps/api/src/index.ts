// Starts the service: settings → database → sample data → app → HTTP server; stops cleanly.
import { createApp } from './app.ts';
import { createGroupStore } from './cache/group-store.ts';
import { createReadCache } from './cache/read-cache.ts';
import { createSessionStore } from './cache/session-store.ts';
import { openDb } from './db/open-db.ts';
import { isDirectoryEmpty, readSampleDataFile, seedSampleData } from './db/seed.ts';
import { ConfigError, loadEnv, type Env } from './env.ts';
import { startServer } from './http/server-limits.ts';
import { createImporter } from './imports/importer.ts';
import { startImportScheduler } from './imports/scheduler.ts';
import { recordUidDomain } from './sessions/sessions.queries.ts';
import { mailerFromSettings } from './suggestions/mailer.ts';
import { AdminInputError } from './users/bootstrap-admin.ts';
import { prepareFirstLogin } from './users/first-run.ts';
import { reportBenchStats } from './ops/bench-stats.ts';
import { createLogger } from './ops/logger.ts';
import { createFeedReach } from './reach/feed-reach.ts';
import { startReachRetention } from './reach/retention.ts';

const log = createLogger();

function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) log.error(`Configuration: ${p.variable} ${p.message}`);
    process.exit(1);
  }
}

const env = loadEnvOrExit();
const db = openDb(env.databasePath);
// Before the sample data, so a new deployment's sessions all carry its domain in their UIDs.
recordUidDomain(db, env.publicUrl);
if (env.demoData && isDirectoryEmpty(db)) {
  seedSampleData(db, readSampleDataFile());
  log.info('filled the empty database with the sample Worcester data');
}

// The first admin (or a demo admin), before the server listens, so a login straight after
// start-up works.
try {
  await prepareFirstLogin(db, env, log, () => new Date());
} catch (error) {
  if (!(error instanceof AdminInputError)) throw error;
  log.error(`Configuration: ADMIN_EMAIL/ADMIN_PASSWORD ${error.message}`);
  db.close();
  process.exit(1);
}

const cache = createReadCache({ budgetBytes: env.readCacheBytes });
const sessionStore = createSessionStore(db, cache);
const groupStore = createGroupStore(db, cache);
// Sessions and groups are loaded into memory before listening (see docs/benchmarks.md for how
// long) rather than inside the first request, which would hold every other answer back meanwhile.
sessionStore.load();
groupStore.load();
const clock = () => new Date();
const importer = createImporter({ db, cache, clock, settings: env.imports });
// Feed reach is counted in memory and written every few minutes and at shutdown (docs/PRIVACY.md).
const feedReach = createFeedReach({ db, clock: () => new Date() });
const REACH_FLUSH_MS = 5 * 60_000;
function flushFeedReach(): void {
  try {
    feedReach.flush();
  } catch (error) {
    log.error('feed reach counts could not be written', { error: String(error) });
  }
}
setInterval(flushFeedReach, REACH_FLUSH_MS).unref();
startReachRetention({ db, clock: () => new Date(), months: env.reachRetentionMonths, log });
const mailer = mailerFromSettings(env.suggestions);
const app = createApp({
  db,
  clock,
  publicUrl: env.publicUrl,
  cache,
  sessionStore,
  groupStore,
  log,
  warmFeeds: true,
  trustedProxies: env.trustedProxies,
  openDataLicence: env.openDataLicence,
  importer,
  feedReach,
  reachRetentionMonths: env.reachRetentionMonths,
  suggestions: {
    mailer,
    formSecret: env.suggestions.formSecret,
    perDay: env.suggestions.perDay,
  },
});
// Linked groups' calendars are imported on a timer in this process (IMPORT_INTERVAL_MINUTES).
const importScheduler = startImportScheduler(importer, { clock, log });

if (env.benchStats) reportBenchStats(cache, log);

// With short deadlines for headers and bodies (http/server-limits.ts).
const server = startServer(app.fetch, env.port, (info) => {
  log.info('listening', { url: env.publicUrl, port: info.port, database: env.databasePath });
  log.info('outcome emails go to', { mail: mailer.where });
});

server.on('error', (error: NodeJS.ErrnoException) => {
  const msg =
    error.code === 'EADDRINUSE'
      ? `port ${env.port} is already in use: stop the other program or set PORT to a free port`
      : error.message;
  log.error(msg);
  db.close();
  process.exit(1);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  importScheduler.stop();
  // Stop accepting connections, let requests in flight finish, then close the database.
  server.close(() => {
    flushFeedReach();
    db.close();
    log.info('stopped');
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  // Do not hang forever on a client that keeps a connection open.
  setTimeout(() => {
    flushFeedReach();
    db.close();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
