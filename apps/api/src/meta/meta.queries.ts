import type { Db } from '../db/open-db.ts';

/** Reads one value from the meta table. */
export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** The latest updated_at of anything feeds and the kiosk show; each max() is one index step. */
export const LATEST_UPDATE_SQL = `SELECT max(t) AS latest FROM (
  SELECT max(updated_at) AS t FROM areas
  UNION ALL SELECT max(updated_at) FROM venues
  UNION ALL SELECT max(updated_at) FROM groups
  UNION ALL SELECT max(updated_at) FROM sessions
  UNION ALL SELECT max(updated_at) FROM session_exceptions
)`;

/** The latest change to the directory or timetable, as a UTC ISO instant; null when empty. */
export function latestUpdate(db: Db): string | null {
  const row = db.prepare(LATEST_UPDATE_SQL).get() as { latest: string | null };
  return row.latest;
}
