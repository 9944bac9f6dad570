import {
  AudienceSchema,
  BookingSchema,
  ContactSchema,
  RepeatSchema,
  SessionKindSchema,
  WaySlugSchema,
  type OccurrenceException,
  type Session,
  type WaySlug,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn } from '../db/json-column.ts';

export interface SessionRow {
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
  booking: string;
  booking_info: string;
  cost_free: number;
  cost_text: string;
  audiences: string;
  description: string;
  what_to_expect: string;
  accessibility: string;
  contact: string;
  status: string;
  sequence: number;
  updated_at: string;
}

export interface ExceptionRow {
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
export const SESSION_COLUMNS = `s.id, s.uid, s.title, s.venue_slug, v.name AS venue_name,
  v.area_slug AS venue_area_slug, s.group_slug, s.ways, s.kind, s.start_date, s.start_time,
  s.end_time, s.repeat, s.until_date, s.count, s.skip_bank_holidays, s.booking, s.booking_info,
  s.cost_free, s.cost_text, s.audiences, s.description, s.what_to_expect, s.accessibility,
  s.contact, s.status, s.sequence, s.updated_at`;

const ExceptionKindSchema = z.enum(['cancelled', 'changed']);
const StatusSchema = z.enum(['active', 'archived']);

export function rowToException(row: ExceptionRow): OccurrenceException {
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

export function rowToSession(row: SessionRow, exceptions: readonly OccurrenceException[]): Session {
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
    exceptions: [...exceptions],
    status: StatusSchema.parse(row.status),
    sequence: row.sequence,
    updatedAt: row.updated_at,
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
  return rowToSession(row, exceptions.map(rowToException));
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
  return rows.map((row) => rowToSession(row, bySession.get(row.id) ?? []));
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
