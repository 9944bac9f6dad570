import {
  OccurrenceExceptionSchema,
  type ClosedOccurrence,
  type Closure,
  type OccurrenceException,
} from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn } from '../db/json-column.ts';

interface ClosureRow {
  id: number;
  venue_slug: string;
  venue_name: string;
  from_date: string;
  to_date: string;
  reason: string;
  created_at: string;
  created_by: number | null;
  creator_name: string | null;
  creator_email: string | null;
  undone_at: string | null;
  undone_by: number | null;
  undoer_name: string | null;
  undoer_email: string | null;
}

interface ClosedRow {
  closure_id: number;
  session_id: number;
  date: string;
  title: string;
  start: string;
  end: string;
  previous: string | null;
}

const CLOSURE_SELECT = `SELECT c.id, c.venue_slug, v.name AS venue_name, c.from_date, c.to_date,
    c.reason, c.created_at, c.created_by, cu.name AS creator_name, cu.email AS creator_email,
    c.undone_at, c.undone_by, uu.name AS undoer_name, uu.email AS undoer_email
  FROM closures c JOIN venues v ON v.slug = c.venue_slug
  LEFT JOIN users cu ON cu.id = c.created_by
  LEFT JOIN users uu ON uu.id = c.undone_by`;

function personOf(id: number | null, name: string | null, email: string | null) {
  return id === null ? null : { id, name: name ?? '', email: email ?? '' };
}

function rowToClosure(row: ClosureRow, closed: readonly ClosedRow[]): Closure {
  return {
    id: row.id,
    venue: { slug: row.venue_slug, name: row.venue_name },
    from: row.from_date,
    to: row.to_date,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: personOf(row.created_by, row.creator_name, row.creator_email),
    undoneAt: row.undone_at,
    undoneBy: personOf(row.undone_by, row.undoer_name, row.undoer_email),
    occurrences: closed.map((o) => ({
      sessionId: o.session_id,
      title: o.title,
      date: o.date,
      start: o.start,
      end: o.end,
    })),
  };
}

function closedRows(db: Db, ids: readonly number[]): ClosedRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT closure_id, session_id, date, title, start, end, previous FROM closure_occurrences
       WHERE closure_id IN (SELECT value FROM json_each(?)) ORDER BY start, title, session_id`,
    )
    .all(JSON.stringify(ids)) as ClosedRow[];
}

export function getClosure(db: Db, id: number): Closure | null {
  const row = db.prepare(`${CLOSURE_SELECT} WHERE c.id = ?`).get(id) as ClosureRow | undefined;
  return row === undefined ? null : rowToClosure(row, closedRows(db, [id]));
}

/** Newest first; only at `venues` when given (a venue-scoped person's list). */
export function listClosures(db: Db, venues: readonly string[] | null, limit = 50): Closure[] {
  const rows = db
    .prepare(
      `${CLOSURE_SELECT}
       WHERE (@venues IS NULL OR c.venue_slug IN (SELECT value FROM json_each(@venues)))
       ORDER BY c.id DESC LIMIT @limit`,
    )
    .all({ venues: venues === null ? null : JSON.stringify(venues), limit }) as ClosureRow[];
  const closed = closedRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    rowToClosure(
      row,
      closed.filter((o) => o.closure_id === row.id),
    ),
  );
}

export interface NewClosure {
  venue: string;
  from: string;
  to: string;
  reason: string;
  createdBy: number;
}

/** One occurrence a closure cancels, with the exception it had before (null: none). */
export interface ClosedOccurrenceRecord extends ClosedOccurrence {
  previous: OccurrenceException | null;
}

export function insertClosure(
  db: Db,
  closure: NewClosure,
  occurrences: readonly ClosedOccurrenceRecord[],
  now: string,
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO closures (venue_slug, from_date, to_date, reason, created_by, created_at)
         VALUES (@venue, @from, @to, @reason, @createdBy, @now)`,
      )
      .run({ ...closure, now }).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO closure_occurrences (closure_id, session_id, date, title, start, end, previous)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of occurrences) {
    insert.run(
      id,
      o.sessionId,
      o.date,
      o.title,
      o.start,
      o.end,
      o.previous === null ? null : JSON.stringify(o.previous),
    );
  }
  return id;
}

/** What each occurrence the closure cancelled had before it: the exception, or null for none. */
export function closurePrevious(
  db: Db,
  id: number,
): { sessionId: number; date: string; previous: OccurrenceException | null }[] {
  return closedRows(db, [id]).map((o) => ({
    sessionId: o.session_id,
    date: o.date,
    previous:
      o.previous === null
        ? null
        : parseJsonColumn(OccurrenceExceptionSchema, o.previous, 'closure_occurrences.previous'),
  }));
}

export function markClosureUndone(db: Db, id: number, by: number, now: string): void {
  db.prepare('UPDATE closures SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, by, id);
}
