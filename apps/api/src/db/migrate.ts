import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isWebAddress } from '@fiveways/shared/web-address';
import type { Database } from 'better-sqlite3';

/** The folder of numbered, forward-only migrations shipped with the code. */
export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The database was written by a newer version of the service than this one. */
export class DatabaseTooNewError extends Error {
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database is at schema version ${databaseVersion} but this code only knows up to ` +
        `${codeVersion}. Run a newer version of the service, or restore a backup.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Reads `NNNN-name.sql` files, in order; the numbers must run 1, 2, 3 … without gaps. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .flatMap((name) => {
      const match = /^(\d{4})-[a-z0-9-]+\.sql$/.exec(name);
      return match
        ? [{ version: Number(match[1]), name, sql: readFileSync(join(dir, name), 'utf8') }]
        : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration ${m.name} is out of sequence: expected number ${i + 1}`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database, each in its own transaction together with the
 * new `user_version`, so a crash leaves the database at a whole level. Returns the versions applied.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = readMigrations(),
): number[] {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  // Migrations that tidy stored values check them as input is checked.
  db.function('is_web_address', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' && isWebAddress(value) ? 1 : 0,
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    if (rebuildsTables(migration)) applyRebuild(db, migration);
    else {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    applied.push(migration.version);
  }
  return applied;
}

/** The marker a migration starts a line with when it rebuilds a table others refer to. */
export const REBUILD_MARKER = '-- migrate: rebuilds tables';

function rebuildsTables(migration: Migration): boolean {
  return migration.sql.split('\n').some((line) => line.trim() === REBUILD_MARKER);
}

/**
 * SQLite changes a CHECK only by making the table again; dropping the old one with foreign keys
 * on would cascade into every table that refers to it. So, as SQLite's own procedure says:
 * foreign keys off, the rebuild in one transaction, every reference checked before the commit.
 */
function applyRebuild(db: Database, migration: Migration): void {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`Migration ${migration.name} leaves ${broken.length} broken references`);
      }
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
