import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

/** Opens (creating if needed) and migrates a database; ':memory:' gives a private one for tests. */
export function openDb(path: string): Db {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL: readers never wait for the writer, and a crash mid-write cannot corrupt the file.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: every acknowledged write must survive a power loss or crash, not only a process exit.
    db.pragma('synchronous = FULL');
    // Wait rather than fail when a backup or second process briefly holds the write lock.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
