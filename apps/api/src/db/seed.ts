import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AreaSchema,
  GroupInputSchema,
  LocalDateSchema,
  OccurrenceExceptionSchema,
  OrganisationInputSchema,
  SessionInputSchema,
  VenueSchema,
  type OccurrenceException,
  type SessionInput,
} from '@fiveways/shared';
import { z } from 'zod';
import { insertArea } from '../areas/areas.queries.ts';
import { insertGroup } from '../groups/groups.queries.ts';
import { writeMeta } from '../meta/meta.queries.ts';
import { insertOrganisation } from '../organisations/organisations.queries.ts';
import { insertSession, upsertException } from '../sessions/sessions.queries.ts';
import { insertVenue } from '../venues/venues.queries.ts';
import type { Db } from './open-db.ts';

// The bench's data generator numbers sessions as the service does.

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
    /** Organisations besides the one that runs the hubs (id 1): they get ids 2, 3 … in order. */
    organisations: z.array(OrganisationInputSchema).default([]),
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
      if (g.organisationId !== null && g.organisationId > data.organisations.length + 1) {
        missing(['groups', i, 'organisationId'], 'organisation', String(g.organisationId));
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
      for (const organisation of sample.organisations) insertOrganisation(db, organisation, stamp);
      for (const venue of sample.venues) insertVenue(db, venue, stamp);
      for (const group of sample.groups) insertGroup(db, group, stamp);
      for (const { exceptions, ...session } of sample.sessions) {
        const id = insertSession(db, session, stamp);
        for (const exception of exceptions) upsertException(db, id, exception, stamp);
      }
      writeMeta(db, 'sample_data', '1');
      return true;
    })
    .immediate();
}
