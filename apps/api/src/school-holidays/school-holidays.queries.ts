import type { SchoolHoliday, SchoolHolidayInput } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

const SELECT =
  'SELECT id, name, from_date AS "from", to_date AS "to", updated_at AS updatedAt FROM school_holidays';

/** Every school holiday kept, by first day. */
export function listSchoolHolidays(db: Db): SchoolHoliday[] {
  return db.prepare(`${SELECT} ORDER BY from_date, id`).all() as SchoolHoliday[];
}

export function getSchoolHoliday(db: Db, id: number): SchoolHoliday | null {
  return (db.prepare(`${SELECT} WHERE id = ?`).get(id) as SchoolHoliday | undefined) ?? null;
}

export function insertSchoolHoliday(db: Db, input: SchoolHolidayInput, now: string): number {
  return Number(
    db
      .prepare(
        'INSERT INTO school_holidays (name, from_date, to_date, updated_at) VALUES (@name, @from, @to, @now)',
      )
      .run({ ...input, now }).lastInsertRowid,
  );
}

export function updateSchoolHoliday(db: Db, id: number, input: SchoolHolidayInput, now: string) {
  db.prepare(
    'UPDATE school_holidays SET name = @name, from_date = @from, to_date = @to, updated_at = @now WHERE id = @id',
  ).run({ ...input, id, now });
}

export function deleteSchoolHoliday(db: Db, id: number): void {
  db.prepare('DELETE FROM school_holidays WHERE id = ?').run(id);
}

/**
 * Marks a change to the school holidays on every active session that skips them: their dates
 * and EXDATEs change, so calendars must re-read them (sequence rises, updated_at moves).
 * Returns their ids, for the read cache.
 */
export function touchSessionsSkippingSchoolHolidays(db: Db, now: string): number[] {
  const ids = (
    db
      .prepare("SELECT id FROM sessions WHERE skip_school_holidays = 1 AND status = 'active'")
      .all() as { id: number }[]
  ).map((r) => r.id);
  db.prepare(
    `UPDATE sessions SET sequence = sequence + 1, updated_at = ?
     WHERE skip_school_holidays = 1 AND status = 'active'`,
  ).run(now);
  return ids;
}
