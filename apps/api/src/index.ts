// Starts the service: settings → database → sample data → app → HTTP server; stops cleanly.
import { createApp } from './app.ts';
import { createGroupStore } from './cache/group-store.ts';
import { createReadCache } from './cache/read-cache.ts';
import { createSessionStore } from './cache/session-store.ts';
import { openDb } from './db/open-db.ts';
import { isDirectoryEmpty, readSampleDataFile, seedSampleData } from './db/seed.ts';
import { ConfigError, loadEnv, type Env } from './env.ts';
import { startServer } from './http/server-limits.ts';
import { recordUidDomain } from './sessions/sessions.queries.ts';
import { mailerFromSettings } from './suggestions/mailer.ts';
import { AdminInputError } from './users/bootstrap-admin.ts';
import { prepareFirstLogin } from './users/first-run.ts';
import { reportBenchStats } from './ops/bench-stats.ts';
import { createLogger } from './ops/logger.ts';

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
const mailer = mailerFromSettings(env.suggestions);
const app = createApp({
  db,
  clock: () => new Date(),
  publicUrl: env.publicUrl,
  cache,
  sessionStore,
  groupStore,
  log,
  warmFeeds: true,
  trustedProxies: env.trustedProxies,
  openDataLicence: env.openDataLicence,
  suggestions: {
    mailer,
    formSecret: env.suggestions.formSecret,
    perDay: env.suggestions.perDay,
  },
});

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
  // Stop accepting connections, let requests in flight finish, then close the database.
  server.close(() => {
    db.close();
    log.info('stopped');
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  // Do not hang forever on a client that keeps a connection open.
  setTimeout(() => {
    db.close();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
