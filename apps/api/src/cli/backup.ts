// `pnpm backup [destination] [--keep=N]`: a consistent copy of the live database, safe while serving.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadEnv, REPO_ROOT } from '../env.ts';
import { createLogger } from '../ops/logger.ts';

export const BACKUP_PREFIX = 'fiveways-';

export interface BackupResult {
  path: string;
  bytes: number;
  ms: number;
}

/** `fiveways-20270302T100000Z.db`: sorts by time, safe on every file system. */
export function backupFileName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${BACKUP_PREFIX}${stamp}.db`;
}

/**
 * Copies the database at `sourcePath` to `destinationPath` with SQLite's online backup, through its
 * own connection, so the service keeps serving and writing meanwhile; the copy is one consistent
 * moment. The copy is written beside the destination and renamed into place only once it has passed
 * `PRAGMA integrity_check`, so a half-written file never carries a backup's name.
 */
export async function backupDatabase(
  sourcePath: string,
  destinationPath: string,
): Promise<BackupResult> {
  const started = performance.now();
  mkdirSync(dirname(destinationPath), { recursive: true });
  const partial = `${destinationPath}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All pages in one step: one read transaction, so writers elsewhere cannot make it restart,
    // and in WAL mode they are not blocked while it runs.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new Error(`The backup failed its integrity check: ${String(result)}`);
    // A single self-contained file: no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, destinationPath);
  return {
    path: destinationPath,
    bytes: statSync(destinationPath).size,
    ms: Math.round(performance.now() - started),
  };
}

/** Deletes all but the newest `keep` backups named by `backupFileName` in `dir`; returns their names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => name.startsWith(BACKUP_PREFIX) && name.endsWith('.db'))
    .sort();
  const doomed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of doomed) rmSync(join(dir, name));
  return doomed;
}

interface BackupArgs {
  destination: string | null;
  keep: number | null;
}

export function parseBackupArgs(argv: readonly string[]): BackupArgs {
  let destination: string | null = null;
  let keep: number | null = null;
  for (const arg of argv) {
    const keepMatch = /^--keep=(\d+)$/.exec(arg);
    if (keepMatch) keep = Number(keepMatch[1]);
    else if (arg === '--') continue;
    else if (arg.startsWith('-'))
      throw new Error(`Unknown option ${arg}: use [destination] [--keep=N]`);
    else if (destination === null) destination = arg;
    else throw new Error('Give one destination at most');
  }
  if (keep !== null && keep < 1) throw new Error('--keep must be 1 or more');
  return { destination, keep };
}

async function main(): Promise<void> {
  const log = createLogger();
  let databasePath: string;
  try {
    databasePath = loadEnv().databasePath;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) console.error(`Configuration: ${p.variable} ${p.message}`);
    process.exit(1);
  }
  if (databasePath === ':memory:') {
    console.error('Configuration: DATABASE_PATH is :memory:, which has nothing to back up');
    process.exit(1);
  }
  const args = parseBackupArgs(process.argv.slice(2));
  // Relative destinations are read from the repository root, like DATABASE_PATH.
  const destination =
    args.destination === null
      ? join(dirname(databasePath), 'backups', backupFileName(new Date()))
      : isAbsolute(args.destination)
        ? args.destination
        : resolve(REPO_ROOT, args.destination);
  const result = await backupDatabase(databasePath, destination);
  log.info('backup written', { path: result.path, bytes: result.bytes, ms: result.ms });
  if (args.keep !== null && basename(destination).startsWith(BACKUP_PREFIX)) {
    const removed = pruneBackups(dirname(destination), args.keep);
    if (removed.length > 0) log.info('old backups removed', { removed });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
