import { randomUUID } from 'node:crypto';
import {
  AudienceSchema,
  BookingSchema,
  ContactSchema,
  ImportedFromSchema,
  RepeatSchema,
  SessionKindSchema,
  TranslationsSchema,
  WaySlugSchema,
  compactTranslations,
  type DateRange,
  type OccurrenceException,
  type Session,
  type SessionInput,
  type WaySlug,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn, toFlag } from '../db/json-column.ts';
import { writeTranslations } from '../db/translations-column.ts';
import { readMeta } from '../meta/meta.queries.ts';

interface SessionRow {
  id: number;
  uid: string;
  title: string;
  venue_slug: string;
  venue_name: string;
  venue_area_slug: string;
  group_slug: string | null;
  ways: string;
  kind: string;
  start_date: string;
  start_time: string;
  end_time: string;
  repeat: string | null;
  until_date: string | null;
  count: number | null;
  skip_bank_holidays: number;
  skip_school_holidays: number;
  booking: string;
  booking_info: string;
  cost_free: number;
  cost_text: string;
  audiences: string;
  description: string;
  what_to_expect: string;
  accessibility: string;
  contact: string;
  translations: string;
  status: string;
  sequence: number;
  updated_at: string;
  imported_from: string | null;
  import_owned: string;
}

interface ExceptionRow {
  session_id: number;
  date: string;
  kind: string;
  reason: string;
  new_date: string | null;
  start_time: string | null;
  end_time: string | null;
  venue_slug: string | null;
}

/** Selects a session row with its venue's name and area (use with `FROM sessions s JOIN venues v`). */
const SESSION_COLUMNS = `s.id, s.uid, s.title, s.venue_slug, v.name AS venue_name,
  v.area_slug AS venue_area_slug, s.group_slug, s.ways, s.kind, s.start_date, s.start_time,
  s.end_time, s.repeat, s.until_date, s.count, s.skip_bank_holidays, s.skip_school_holidays, s.booking, s.booking_info,
  s.cost_free, s.cost_text, s.audiences, s.description, s.what_to_expect, s.accessibility,
  s.contact, s.translations, s.status, s.sequence, s.updated_at, s.import_owned,
  (SELECT json_object('group', cl.group_slug, 'url', cl.url) FROM calendar_links cl
    WHERE cl.id = s.import_link_id) AS imported_from`;

const ExceptionKindSchema = z.enum(['cancelled', 'changed']);
const StatusSchema = z.enum(['active', 'archived']);

function rowToException(row: ExceptionRow): OccurrenceException {
  return {
    date: row.date,
    kind: ExceptionKindSchema.parse(row.kind),
    reason: row.reason,
    newDate: row.new_date,
    startTime: row.start_time,
    endTime: row.end_time,
    venueSlug: row.venue_slug,
  };
}

/** The school holidays, by first day: what a session that skips them carries. */
export function listSchoolHolidayRanges(db: Db): DateRange[] {
  return db
    .prepare(
      'SELECT from_date AS "from", to_date AS "to" FROM school_holidays ORDER BY from_date, id',
    )
    .all() as DateRange[];
}

function rowToSession(
  row: SessionRow,
  exceptions: readonly OccurrenceException[],
  schoolHolidays: () => DateRange[],
): Session {
  const skipSchoolHolidays = row.skip_school_holidays === 1;
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    venue: { slug: row.venue_slug, name: row.venue_name, areaSlug: row.venue_area_slug },
    ways: parseJsonColumn(z.array(WaySlugSchema), row.ways, 'sessions.ways'),
    startDate: row.start_date,
    startTime: row.start_time,
    endTime: row.end_time,
    repeat:
      row.repeat === null ? null : parseJsonColumn(RepeatSchema, row.repeat, 'sessions.repeat'),
    until: row.until_date,
    count: row.count,
    skipBankHolidays: row.skip_bank_holidays === 1,
    skipSchoolHolidays,
    schoolHolidays: skipSchoolHolidays ? schoolHolidays() : [],
    kind: SessionKindSchema.parse(row.kind),
    booking: BookingSchema.parse(row.booking),
    bookingInfo: row.booking_info,
    cost: { free: row.cost_free === 1, text: row.cost_text },
    audiences: parseJsonColumn(z.array(AudienceSchema), row.audiences, 'sessions.audiences'),
    description: row.description,
    whatToExpect: row.what_to_expect,
    accessibility: row.accessibility,
    contact: parseJsonColumn(ContactSchema, row.contact, 'sessions.contact'),
    group: row.group_slug,
    translations: parseJsonColumn(TranslationsSchema, row.translations, 'sessions.translations'),
    exceptions: [...exceptions],
    status: StatusSchema.parse(row.status),
    sequence: row.sequence,
    updatedAt: row.updated_at,
    // Only imported sessions carry these, so every other session reads as it always has.
    ...(row.imported_from === null
      ? {}
      : {
          importedFrom: parseJsonColumn(ImportedFromSchema, row.imported_from, 'calendar_links'),
          sourceOwned: parseJsonColumn(
            z.array(z.string()),
            row.import_owned,
            'sessions.import_owned',
          ),
        }),
  };
}

const EXCEPTION_COLUMNS =
  'e.session_id, e.date, e.kind, e.reason, e.new_date, e.start_time, e.end_time, e.venue_slug';

/** One session, active or archived, with its exceptions in date order. */
export function getSession(db: Db, id: number): Session | null {
  const row = db
    .prepare(
      `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN venues v ON v.slug = s.venue_slug WHERE s.id = ?`,
    )
    .get(id) as SessionRow | undefined;
  if (!row) return null;
  const exceptions = db
    .prepare(
      `SELECT ${EXCEPTION_COLUMNS} FROM session_exceptions e WHERE e.session_id = ? ORDER BY e.date`,
    )
    .all(id) as ExceptionRow[];
  return rowToSession(row, exceptions.map(rowToException), () => listSchoolHolidayRanges(db));
}

export interface SessionFilter {
  venue?: string | undefined;
  group?: string | undefined;
  way?: WaySlug | undefined;
}

/** Active sessions, by title then id, each with its exceptions. */
export function listSessions(db: Db, filter: SessionFilter = {}): Session[] {
  const params = {
    venue: filter.venue ?? null,
    group: filter.group ?? null,
    way: filter.way ?? null,
  };
  const where = `s.status = 'active'
    AND (@venue IS NULL OR s.venue_slug = @venue)
    AND (@group IS NULL OR s.group_slug = @group)
    AND (@way IS NULL OR EXISTS (SELECT 1 FROM json_each(s.ways) WHERE value = @way))`;
  const rows = db
    .prepare(
      `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN venues v ON v.slug = s.venue_slug
       WHERE ${where} ORDER BY s.title, s.id`,
    )
    .all(params) as SessionRow[];
  const exceptionRows = db
    .prepare(
      `SELECT ${EXCEPTION_COLUMNS} FROM session_exceptions e JOIN sessions s ON s.id = e.session_id
       WHERE ${where} ORDER BY e.session_id, e.date`,
    )
    .all(params) as ExceptionRow[];
  const bySession = new Map<number, OccurrenceException[]>();
  for (const row of exceptionRows) {
    const list = bySession.get(row.session_id) ?? [];
    list.push(rowToException(row));
    bySession.set(row.session_id, list);
  }
  let holidays: DateRange[] | null = null;
  const schoolHolidays = () => (holidays ??= listSchoolHolidayRanges(db));
  return rows.map((row) => rowToSession(row, bySession.get(row.id) ?? [], schoolHolidays));
}

/** Ids of the sessions held at a venue or moved there for a date, archived ones included. */
export function sessionIdsUsingVenue(db: Db, venueSlug: string): number[] {
  const rows = db
    .prepare(
      `SELECT id FROM sessions WHERE venue_slug = ?
       UNION SELECT session_id FROM session_exceptions WHERE venue_slug = ?`,
    )
    .all(venueSlug, venueSlug) as { id: number }[];
  return rows.map((r) => r.id);
}

// Calendar UIDs carry the service's domain, so two deployments (a test server and the live
// one, or two towns) never give subscribers clashing events; and a UID never changes once
// written, so nobody's calendar sees an event vanish and come back as a new one. The domain is
// the host of PUBLIC_URL when the database was first served (meta uid_domain), kept from then
// on: moving the service to a new address leaves every UID as it was. A database that held
// sessions before domains were recorded keeps their UIDs ('fiveways-worcester-session-<id>');
// only sessions created after it get 'session-<id>@<host>'.
const UID_DOMAIN = 'uid_domain';

/** Records the host of `publicUrl` as this database's UID domain, unless one is recorded. */
export function recordUidDomain(db: Db, publicUrl: string): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
    UID_DOMAIN,
    new URL(publicUrl).host.toLowerCase(),
  );
}

/** The calendar UID for a new session's id: stable for its whole life, never reused (ids never are). */
export function sessionUid(db: Db, id: number): string {
  const domain = readMeta(db, UID_DOMAIN);
  return domain === null ? `fiveways-worcester-session-${id}` : `session-${id}@${domain}`;
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
    skipSchoolHolidays: toFlag(s.skipSchoolHolidays),
    booking: s.booking,
    bookingInfo: s.bookingInfo,
    costFree: toFlag(s.cost.free),
    costText: s.cost.text,
    audiences: JSON.stringify(s.audiences),
    description: s.description,
    whatToExpect: s.whatToExpect,
    accessibility: s.accessibility,
    contact: JSON.stringify(s.contact),
    translations: JSON.stringify(compactTranslations(s.translations)),
  };
}

/** Inserts a new, active session at sequence 0; returns its id. */
export function insertSession(db: Db, session: SessionInput, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO sessions (uid, title, venue_slug, group_slug, ways, kind, start_date, start_time,
         end_time, repeat, until_date, count, skip_bank_holidays, skip_school_holidays, booking,
         booking_info, cost_free, cost_text, audiences, description, what_to_expect, accessibility, contact, status, sequence,
         created_at, updated_at)
       VALUES (@uid, @title, @venue, @group, @ways, @kind, @startDate, @startTime, @endTime, @repeat,
         @until, @count, @skipBankHolidays, @skipSchoolHolidays, @booking, @bookingInfo, @costFree, @costText, @audiences,
         @description, @whatToExpect, @accessibility, @contact, 'active', 0, @now, @now)`,
    )
    // A placeholder that cannot clash, replaced by the id-based UID below.
    .run({ ...columnsOf(session), uid: `pending-${randomUUID()}`, now });
  const id = Number(result.lastInsertRowid);
  db.prepare('UPDATE sessions SET uid = ? WHERE id = ?').run(sessionUid(db, id), id);
  writeTranslations(db, 'sessions', 'id', id, session.translations);
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
       skip_bank_holidays = @skipBankHolidays, skip_school_holidays = @skipSchoolHolidays,
       booking = @booking, booking_info = @bookingInfo,
       cost_free = @costFree, cost_text = @costText, audiences = @audiences,
       description = @description, what_to_expect = @whatToExpect, accessibility = @accessibility,
       contact = @contact, translations = @translations, sequence = sequence + @step, updated_at = @now
     WHERE id = @id`,
  ).run({ ...columnsOf(session), id, step: sequenceStep, now });
}

/** Archives a session: it leaves every list and feed, and its own feed empties (sequence rises). */
export function archiveSession(db: Db, id: number, now: string): void {
  db.prepare(
    "UPDATE sessions SET status = 'archived', sequence = sequence + 1, updated_at = ? WHERE id = ?",
  ).run(now, id);
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

/** Stores an exception for one date, cancelled or moved, replacing any earlier one for that date. */
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
       updated_at = excluded.updated_at, from_source = 0`,
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
