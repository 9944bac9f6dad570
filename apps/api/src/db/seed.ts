import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AreaSchema,
  GroupInputSchema,
  LocalDateSchema,
  OccurrenceExceptionSchema,
  SessionInputSchema,
  VenueSchema,
  type OccurrenceException,
  type SessionInput,
} from '@fiveways/shared';
import { z } from 'zod';
import { insertArea } from '../areas/areas.queries.ts';
import { insertGroup } from '../groups/groups.queries.ts';
import { writeMeta } from '../meta/meta.queries.ts';
import { insertVenue } from '../venues/venues.queries.ts';
import { toFlag } from './json-column.ts';
import type { Db } from './open-db.ts';
import { sessionUid } from './session-uid.ts';

export const SAMPLE_DATA_PATH = join(import.meta.dirname, 'sample-data.json');

const SampleSessionSchema = z
  .looseObject({ exceptions: z.array(OccurrenceExceptionSchema).default([]) })
  .transform((raw, ctx): SessionInput & { exceptions: OccurrenceException[] } => {
    const { exceptions, ...fields } = raw;
    const result = SessionInputSchema.safeParse(fields);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
      return z.NEVER;
    }
    return { ...result.data, exceptions };
  });

/** The sample Worcester data: every record in the shape staff would enter it. */
export const SampleDataSchema = z
  .object({
    areas: z.array(AreaSchema),
    venues: z.array(VenueSchema),
    groups: z.array(
      GroupInputSchema.extend({ checkedAt: LocalDateSchema.nullable().default(null) }),
    ),
    sessions: z.array(SampleSessionSchema),
  })
  .superRefine((data, ctx) => {
    const areas = new Set(data.areas.map((a) => a.slug));
    const venues = new Set(data.venues.map((v) => v.slug));
    const groups = new Set(data.groups.map((g) => g.slug));
    const missing = (path: (string | number)[], what: string, slug: string) =>
      ctx.addIssue({ code: 'custom', path, message: `There is no ${what} "${slug}"` });
    const unique = (kind: string, slugs: string[]) =>
      slugs.forEach((slug, i) => {
        if (slugs.indexOf(slug) !== i) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, i, 'slug'],
            message: `"${slug}" is used twice`,
          });
        }
      });
    unique(
      'areas',
      data.areas.map((a) => a.slug),
    );
    unique(
      'venues',
      data.venues.map((v) => v.slug),
    );
    unique(
      'groups',
      data.groups.map((g) => g.slug),
    );
    data.venues.forEach((v, i) => {
      if (!areas.has(v.areaSlug)) missing(['venues', i, 'areaSlug'], 'area', v.areaSlug);
    });
    data.groups.forEach((g, i) => {
      g.areaSlugs.forEach((slug, j) => {
        if (!areas.has(slug)) missing(['groups', i, 'areaSlugs', j], 'area', slug);
      });
      if (g.venueSlug !== null && !venues.has(g.venueSlug)) {
        missing(['groups', i, 'venueSlug'], 'venue', g.venueSlug);
      }
    });
    data.sessions.forEach((s, i) => {
      if (!venues.has(s.venue)) missing(['sessions', i, 'venue'], 'venue', s.venue);
      if (s.group !== null && !groups.has(s.group))
        missing(['sessions', i, 'group'], 'group', s.group);
      s.exceptions.forEach((e, j) => {
        if (e.venueSlug !== null && !venues.has(e.venueSlug)) {
          missing(['sessions', i, 'exceptions', j, 'venueSlug'], 'venue', e.venueSlug);
        }
      });
    });
  });
export type SampleData = z.infer<typeof SampleDataSchema>;

/** The sample data file does not fit the schemas; the message lists what is wrong and where. */
export class SampleDataError extends Error {
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const lines = issues.slice(0, 10).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    const more = issues.length > 10 ? [`… and ${issues.length - 10} more`] : [];
    super(`The sample data is not valid:\n${[...lines, ...more].join('\n')}`);
    this.name = 'SampleDataError';
  }
}

export function readSampleDataFile(path: string = SAMPLE_DATA_PATH): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function isDirectoryEmpty(db: Db): boolean {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM areas) + (SELECT count(*) FROM venues)
            + (SELECT count(*) FROM groups) + (SELECT count(*) FROM sessions) AS n`,
    )
    .get() as { n: number };
  return row.n === 0;
}

function insertSampleSession(
  db: Db,
  session: SessionInput & { exceptions: OccurrenceException[] },
  now: string,
): number {
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
    .run({
      // A placeholder that cannot clash, replaced by the id-based UID below.
      uid: `pending-${randomUUID()}`,
      title: session.title,
      venue: session.venue,
      group: session.group,
      ways: JSON.stringify(session.ways),
      kind: session.kind,
      startDate: session.startDate,
      startTime: session.startTime,
      endTime: session.endTime,
      repeat: session.repeat === null ? null : JSON.stringify(session.repeat),
      until: session.until,
      count: session.count,
      skipBankHolidays: toFlag(session.skipBankHolidays),
      booking: session.booking,
      bookingInfo: session.bookingInfo,
      costFree: toFlag(session.cost.free),
      costText: session.cost.text,
      audiences: JSON.stringify(session.audiences),
      description: session.description,
      whatToExpect: session.whatToExpect,
      accessibility: session.accessibility,
      contact: JSON.stringify(session.contact),
      now,
    });
  const id = Number(result.lastInsertRowid);
  db.prepare('UPDATE sessions SET uid = ? WHERE id = ?').run(sessionUid(db, id), id);
  const insertException = db.prepare(
    `INSERT INTO session_exceptions (session_id, date, kind, reason, new_date, start_time, end_time,
       venue_slug, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of session.exceptions) {
    insertException.run(
      id,
      e.date,
      e.kind,
      e.reason,
      e.newDate,
      e.startTime,
      e.endTime,
      e.venueSlug,
      now,
    );
  }
  return id;
}

/**
 * Fills an empty database with the sample data, all or nothing, and records `sample_data = 1`.
 * Does nothing (returns false) when the database already holds any areas, venues, groups or sessions.
 */
export function seedSampleData(db: Db, data: unknown, now: Date = new Date()): boolean {
  const parsed = SampleDataSchema.safeParse(data);
  if (!parsed.success) throw new SampleDataError(parsed.error.issues);
  const sample = parsed.data;
  const stamp = now.toISOString();
  return db
    .transaction(() => {
      if (!isDirectoryEmpty(db)) return false;
      sample.areas.forEach((area, i) => insertArea(db, area, i));
      for (const venue of sample.venues) insertVenue(db, venue, stamp);
      for (const group of sample.groups) insertGroup(db, group, stamp);
      for (const session of sample.sessions) insertSampleSession(db, session, stamp);
      writeMeta(db, 'sample_data', '1');
      return true;
    })
    .immediate();
}
