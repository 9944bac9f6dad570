import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';
import { readSampleDataFile, seedSampleData } from '../db/seed.ts';
import { backupDatabase, backupFileName, parseBackupArgs, pruneBackups } from './backup.ts';

// A second connection on its own thread, inserting sessions as fast as it can until told to stop.
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const insert = db.prepare(
  "INSERT INTO sessions (uid, title, venue_slug, ways, kind, start_date, start_time, end_time, booking, created_at, updated_at) " +
  "VALUES (?, ?, ?, '[\\"connect\\"]', 'group', '2027-03-02', '10:00', '11:00', 'drop-in', ?, ?)"
);
const flag = new Int32Array(workerData.stop);
let n = 0;
while (Atomics.load(flag, 0) === 0) {
  n += 1;
  insert.run('backup-test-' + n, 'Written during the backup ' + n, workerData.venue, 'now', 'now');
  if (n === 50) parentPort.postMessage({ started: true });
}
db.close();
parentPort.postMessage({ written: n });
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiveways-backup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function seededFile(): { path: string; sessions: number; venue: string } {
  const path = join(dir, 'live.db');
  const db = openDb(path);
  seedSampleData(db, readSampleDataFile());
  const sessions = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  const venue = (db.prepare('SELECT slug FROM venues LIMIT 1').get() as { slug: string }).slug;
  db.close();
  return { path, sessions, venue };
}

function writtenTitles(path: string): number[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT title FROM sessions WHERE uid LIKE 'backup-test-%'").all() as {
    title: string;
  }[];
  db.close();
  return rows.map((r) => Number(r.title.split(' ').at(-1))).sort((a, b) => a - b);
}

describe('backupDatabase', () => {
  it('takes a consistent, complete copy while another connection keeps writing', async () => {
    const live = seededFile();
    const stop = new SharedArrayBuffer(4);
    const worker = new Worker(WRITER, {
      eval: true,
      workerData: { driver: driverPath, path: live.path, venue: live.venue, stop },
    });
    const messages: { started?: boolean; written?: number }[] = [];
    const started = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { started?: boolean; written?: number }) => {
        messages.push(m);
        if (m.started) resolve();
      });
      worker.on('error', reject);
    });
    const finished = new Promise<number>((resolve, reject) => {
      worker.on('message', (m: { written?: number }) => {
        if (m.written !== undefined) resolve(m.written);
      });
      worker.on('error', reject);
    });
    await started;

    const destination = join(dir, 'backups', 'copy.db');
    const result = await backupDatabase(live.path, destination);
    Atomics.store(new Int32Array(stop), 0, 1);
    const written = await finished;
    await worker.terminate();

    expect(result.path).toBe(destination);
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(`${destination}.partial`)).toBe(false);
    // A single file, no -wal beside it.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['copy.db']);

    const copy = new Database(destination, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const seeded = copy
      .prepare("SELECT count(*) AS n FROM sessions WHERE uid NOT LIKE 'backup-test-%'")
      .get() as { n: number };
    expect(seeded.n).toBe(live.sessions);
    copy.close();

    // One moment in time: the writes in the copy are exactly the first k, with no gaps.
    const inCopy = writtenTitles(destination);
    expect(inCopy.length).toBeGreaterThanOrEqual(50);
    expect(inCopy.length).toBeLessThanOrEqual(written);
    expect(inCopy).toEqual(Array.from({ length: inCopy.length }, (_, i) => i + 1));
    // The writer kept going after the copy was taken.
    expect(writtenTitles(live.path)).toHaveLength(written);
  });

  it('restores: stop, copy the backup over the database file, start, and the data is served', async () => {
    const live = seededFile();
    const destination = join(dir, 'backup.db');
    await backupDatabase(live.path, destination);

    // Damage the live database after the backup: a lost file.
    rmSync(live.path);
    rmSync(`${live.path}-wal`, { force: true });
    rmSync(`${live.path}-shm`, { force: true });
    writeFileSync(live.path, 'not a database');

    // Restore as the deployment guide says, then start the app on the restored file.
    copyFileSync(destination, live.path);
    const db = openDb(live.path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const app = createApp({ db, clock: () => new Date(), publicUrl: 'http://localhost:8787' });
      const res = await app.request('/api/sessions/1');
      expect(res.status).toBe(200);
      const groups = (await (await app.request('/api/groups')).json()) as { total: number };
      expect(groups.total).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('refuses a source that does not exist and leaves nothing behind', async () => {
    const destination = join(dir, 'out', 'copy.db');
    await expect(backupDatabase(join(dir, 'missing.db'), destination)).rejects.toThrow();
    expect(existsSync(destination)).toBe(false);
  });
});

describe('backup file names and pruning', () => {
  it('names backups by UTC time so they sort in order', () => {
    expect(backupFileName(new Date('2027-03-02T10:04:05.678Z'))).toBe(
      'fiveways-20270302T100405Z.db',
    );
  });

  it('keeps only the newest N backups and leaves other files alone', () => {
    const names = ['fiveways-20270101T000000Z.db', 'fiveways-20270102T000000Z.db'];
    names.push('fiveways-20270103T000000Z.db', 'notes.txt');
    for (const name of names) writeFileSync(join(dir, name), '');
    expect(pruneBackups(dir, 2)).toEqual(['fiveways-20270101T000000Z.db']);
    expect(readdirSync(dir).sort()).toEqual([
      'fiveways-20270102T000000Z.db',
      'fiveways-20270103T000000Z.db',
      'notes.txt',
    ]);
  });

  it('reads a destination and --keep, and refuses unknown options', () => {
    expect(parseBackupArgs([])).toEqual({ destination: null, keep: null });
    expect(parseBackupArgs(['--', '/var/backups/x.db', '--keep=7'])).toEqual({
      destination: '/var/backups/x.db',
      keep: 7,
    });
    expect(() => parseBackupArgs(['--force'])).toThrow(/Unknown option/);
    expect(() => parseBackupArgs(['--keep=0'])).toThrow(/1 or more/);
  });
});
