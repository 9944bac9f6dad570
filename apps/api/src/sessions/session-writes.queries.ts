import { randomUUID } from 'node:crypto';
import type { OccurrenceException, Session, SessionInput } from '@fiveways/shared';
import { toFlag } from '../db/json-column.ts';
import type { Db } from '../db/open-db.ts';
import { sessionUid } from '../db/session-uid.ts';

/** The fields of a stored session in the shape staff send them. */
export function sessionToInput(session: Session): SessionInput {
  return {
    title: session.title,
    venue: session.venue.slug,
    ways: session.ways,
    startDate: session.startDate,
    startTime: session.startTime,
    endTime: session.endTime,
    repeat: session.repeat,
    until: session.until,
    count: session.count,
    skipBankHolidays: session.skipBankHolidays,
    kind: session.kind,
    booking: session.booking,
    bookingInfo: session.bookingInfo,
    cost: session.cost,
    audiences: session.audiences,
    description: session.description,
    whatToExpect: session.whatToExpect,
    accessibility: session.accessibility,
    contact: session.contact,
    group: session.group,
  };
}

/** Fields whose change alters when or where occurrences happen: calendars must re-read them. */
const SCHEDULE_FIELDS = [
  'venue',
  'startDate',
  'startTime',
  'endTime',
  'repeat',
  'until',
  'count',
  'skipBankHolidays',
] as const satisfies readonly (keyof SessionInput)[];

/** True when the change moves the schedule (time, rule or venue), so SEQUENCE must rise. */
export function changesSchedule(before: SessionInput, after: SessionInput): boolean {
  return SCHEDULE_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

function columnsOf(s: SessionInput) {
  return {
    title: s.title,
    venue: s.venue,
    group: s.group,
    ways: JSON.stringify(s.ways),
    kind: s.kind,
    startDate: s.startDate,
    startTime: s.startTime,
    endTime: s.endTime,
    repeat: s.repeat === null ? null : JSON.stringify(s.repeat),
    until: s.until,
    count: s.count,
    skipBankHolidays: toFlag(s.skipBankHolidays),
    booking: s.booking,
    bookingInfo: s.bookingInfo,
    costFree: toFlag(s.cost.free),
    costText: s.cost.text,
    audiences: JSON.stringify(s.audiences),
    description: s.description,
    whatToExpect: s.whatToExpect,
    accessibility: s.accessibility,
    contact: JSON.stringify(s.contact),
  };
}

/** Inserts a new, active session at sequence 0; returns its id. */
export function insertSession(db: Db, session: SessionInput, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO sessions (uid, title, venue_slug, group_slug, ways, kind, start_date, start_time,
         end_time, repeat, until_date, count, skip_bank_holidays, booking, booking_info, cost_free,
         cost_text, audiences, description, what_to_expect, accessibility, contact, status, sequence,
         created_at, updated_at)
       VALUES (@uid, @title, @venue, @group, @ways, @kind, @startDate, @startTime, @endTime, @repeat,
         @until, @count, @skipBankHolidays, @booking, @bookingInfo, @costFree, @costText, @audiences,
         @description, @whatToExpect, @accessibility, @contact, 'active', 0, @now, @now)`,
    )
    // A placeholder that cannot clash, replaced by the id-based UID below.
    .run({ ...columnsOf(session), uid: `pending-${randomUUID()}`, now });
  const id = Number(result.lastInsertRowid);
  db.prepare('UPDATE sessions SET uid = ? WHERE id = ?').run(sessionUid(db, id), id);
  return id;
}

/** Replaces a session's fields; raises the sequence by `sequenceStep` (0 or 1). */
export function updateSession(
  db: Db,
  id: number,
  session: SessionInput,
  sequenceStep: 0 | 1,
  now: string,
): void {
  db.prepare(
    `UPDATE sessions SET title = @title, venue_slug = @venue, group_slug = @group, ways = @ways,
       kind = @kind, start_date = @startDate, start_time = @startTime, end_time = @endTime,
       repeat = @repeat, until_date = @until, count = @count,
       skip_bank_holidays = @skipBankHolidays, booking = @booking, booking_info = @bookingInfo,
       cost_free = @costFree, cost_text = @costText, audiences = @audiences,
       description = @description, what_to_expect = @whatToExpect, accessibility = @accessibility,
       contact = @contact, sequence = sequence + @step, updated_at = @now
     WHERE id = @id`,
  ).run({ ...columnsOf(session), id, step: sequenceStep, now });
}

/** Archives or restores a session (a status change: sequence rises). */
export function setSessionStatus(
  db: Db,
  id: number,
  status: 'active' | 'archived',
  now: string,
): void {
  db.prepare(
    'UPDATE sessions SET status = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?',
  ).run(status, now, id);
}

/** Marks a change to a session's exceptions: sequence rises, updated_at moves. */
export function touchSessionSchedule(db: Db, id: number, now: string): void {
  db.prepare('UPDATE sessions SET sequence = sequence + 1, updated_at = ? WHERE id = ?').run(
    now,
    id,
  );
}

/**
 * Marks a change to what the active sessions held at a venue, or moved there for a date, show
 * of it (its name, address or accessibility): calendars must re-read those events, so their
 * sequence rises and updated_at (LAST-MODIFIED) moves.
 */
export function touchSessionsShowingVenue(db: Db, venueSlug: string, now: string): void {
  db.prepare(
    `UPDATE sessions SET sequence = sequence + 1, updated_at = @now
     WHERE status = 'active' AND (venue_slug = @venueSlug
       OR id IN (SELECT session_id FROM session_exceptions WHERE venue_slug = @venueSlug))`,
  ).run({ venueSlug, now });
}

/** Cancels or changes one occurrence (replacing any earlier exception for that date). */
export function upsertException(
  db: Db,
  sessionId: number,
  exception: OccurrenceException,
  now: string,
): void {
  db.prepare(
    `INSERT INTO session_exceptions (session_id, date, kind, reason, new_date, start_time, end_time,
       venue_slug, updated_at)
     VALUES (@sessionId, @date, @kind, @reason, @newDate, @startTime, @endTime, @venueSlug, @now)
     ON CONFLICT (session_id, date) DO UPDATE SET kind = excluded.kind, reason = excluded.reason,
       new_date = excluded.new_date, start_time = excluded.start_time,
       end_time = excluded.end_time, venue_slug = excluded.venue_slug,
       updated_at = excluded.updated_at`,
  ).run({ ...exception, sessionId, now });
}

/** Removes a date's exception (the occurrence goes back to the rule); false when there was none. */
export function deleteException(db: Db, sessionId: number, date: string): boolean {
  return (
    db
      .prepare('DELETE FROM session_exceptions WHERE session_id = ? AND date = ?')
      .run(sessionId, date).changes === 1
  );
}

export function venueExists(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM venues WHERE slug = ?').get(slug) !== undefined;
}

export function groupExists(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM groups WHERE slug = ? AND archived = 0').get(slug) !== undefined;
}
