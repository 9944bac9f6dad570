import {
  AudienceSchema,
  ContactSchema,
  SlugSchema,
  TranslationsSchema,
  WaySlugSchema,
  compactTranslations,
  type Audience,
  type Group,
  type GroupInput,
  type WaySlug,
} from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { parseJsonColumn, toFlag } from '../db/json-column.ts';
import { writeTranslations } from '../db/translations-column.ts';

interface GroupRow {
  slug: string;
  name: string;
  description: string;
  ways: string;
  area_slugs: string;
  audiences: string;
  cost_free: number;
  cost_text: string;
  contact: string;
  languages: string;
  accessibility: string;
  venue_slug: string | null;
  checked_at: string | null;
  translations: string;
  updated_at: string;
  organisation_id: number | null;
  min_age: number | null;
  max_age: number | null;
}

const COLUMNS = `g.slug, g.name, g.description, g.ways, g.area_slugs, g.audiences, g.cost_free,
  g.cost_text, g.contact, g.languages, g.accessibility, g.venue_slug, g.checked_at,
  g.translations, g.updated_at, g.organisation_id, g.min_age, g.max_age`;

function rowToGroup(row: GroupRow): Group {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    ways: parseJsonColumn(z.array(WaySlugSchema), row.ways, 'groups.ways'),
    areaSlugs: parseJsonColumn(z.array(SlugSchema), row.area_slugs, 'groups.area_slugs'),
    audiences: parseJsonColumn(z.array(AudienceSchema), row.audiences, 'groups.audiences'),
    cost: { free: row.cost_free === 1, text: row.cost_text },
    contact: parseJsonColumn(ContactSchema, row.contact, 'groups.contact'),
    languages: parseJsonColumn(z.array(z.string()), row.languages, 'groups.languages'),
    accessibility: row.accessibility,
    venueSlug: row.venue_slug,
    translations: parseJsonColumn(TranslationsSchema, row.translations, 'groups.translations'),
    organisationId: row.organisation_id,
    minAge: row.min_age,
    maxAge: row.max_age,
    checkedAt: row.checked_at,
    updatedAt: row.updated_at,
  };
}

export interface GroupFilter {
  way?: WaySlug | undefined;
  /** Groups that name the area, or meet at a venue in it. */
  area?: string | undefined;
  audience?: Audience | undefined;
  free?: boolean | undefined;
}

/** Groups that are not archived, by name. */
export function listGroups(db: Db, filter: GroupFilter = {}): Group[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM groups g
       LEFT JOIN venues v ON v.slug = g.venue_slug
       WHERE g.archived = 0
         AND (@way IS NULL OR EXISTS (SELECT 1 FROM json_each(g.ways) WHERE value = @way))
         AND (@area IS NULL OR v.area_slug = @area
              OR EXISTS (SELECT 1 FROM json_each(g.area_slugs) WHERE value = @area))
         AND (@audience IS NULL OR EXISTS (SELECT 1 FROM json_each(g.audiences) WHERE value = @audience))
         AND (@free IS NULL OR g.cost_free = @free)
       ORDER BY g.name, g.slug`,
    )
    .all({
      way: filter.way ?? null,
      area: filter.area ?? null,
      audience: filter.audience ?? null,
      free: filter.free === undefined ? null : toFlag(filter.free),
    }) as GroupRow[];
  return rows.map(rowToGroup);
}

/** One group that is not archived. */
export function getGroup(db: Db, slug: string): Group | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM groups g WHERE g.slug = ? AND g.archived = 0`)
    .get(slug) as GroupRow | undefined;
  return row ? rowToGroup(row) : null;
}

/** The slugs of every group that is not archived: what a filter may name (no rows to decode). */
export function listGroupSlugs(db: Db): string[] {
  return db.prepare<[], string>('SELECT slug FROM groups WHERE archived = 0').pluck().all();
}

/** True when a group that is not archived has this slug. */
export function groupExists(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM groups WHERE slug = ? AND archived = 0').get(slug) !== undefined;
}

/** True when any group, archived ones included, has this slug: slugs are never reused. */
export function groupSlugTaken(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM groups WHERE slug = ?').get(slug) !== undefined;
}

/** Groups (not archived) never checked or last checked before `before`, oldest first. */
export function listUncheckedGroupSlugs(db: Db, before: string): string[] {
  const rows = db
    .prepare(
      `SELECT slug FROM groups WHERE archived = 0 AND (checked_at IS NULL OR checked_at < ?)
       ORDER BY checked_at IS NOT NULL, checked_at, name`,
    )
    .all(before) as { slug: string }[];
  return rows.map((r) => r.slug);
}

/** What staff enter about a group; translations and ages may be left out (none). */
type Optional = 'translations' | 'minAge' | 'maxAge';
type GroupFields = Omit<GroupInput, Optional> & Partial<Pick<GroupInput, Optional>>;

function columnsOf(group: GroupFields, now: string) {
  return {
    organisationId: group.organisationId,
    slug: group.slug,
    name: group.name,
    description: group.description,
    ways: JSON.stringify(group.ways),
    areaSlugs: JSON.stringify(group.areaSlugs),
    audiences: JSON.stringify(group.audiences),
    costFree: toFlag(group.cost.free),
    costText: group.cost.text,
    contact: JSON.stringify(group.contact),
    languages: JSON.stringify(group.languages),
    accessibility: group.accessibility,
    venueSlug: group.venueSlug,
    translations: JSON.stringify(compactTranslations(group.translations ?? {})),
    minAge: group.minAge ?? null,
    maxAge: group.maxAge ?? null,
    now,
  };
}

export function insertGroup(
  db: Db,
  group: GroupFields & { checkedAt: string | null },
  now: string,
): void {
  db.prepare(
    `INSERT INTO groups (slug, name, description, ways, area_slugs, audiences, cost_free, cost_text,
       contact, languages, accessibility, venue_slug, checked_at, updated_at, organisation_id,
       min_age, max_age)
     VALUES (@slug, @name, @description, @ways, @areaSlugs, @audiences, @costFree, @costText,
       @contact, @languages, @accessibility, @venueSlug, @checkedAt, @now,
       coalesce(@organisationId, (SELECT min(id) FROM organisations)), @minAge, @maxAge)`,
  ).run({ ...columnsOf(group, now), checkedAt: group.checkedAt });
  writeTranslations(db, 'groups', 'slug', group.slug, group.translations);
}

/** Replaces what staff enter about a group; when it was checked is kept. */
export function updateGroup(db: Db, group: GroupInput, now: string): void {
  db.prepare(
    `UPDATE groups SET name = @name, description = @description, ways = @ways,
       area_slugs = @areaSlugs, audiences = @audiences, cost_free = @costFree,
       cost_text = @costText, contact = @contact, languages = @languages,
       accessibility = @accessibility, venue_slug = @venueSlug, translations = @translations,
       organisation_id = coalesce(@organisationId, (SELECT min(id) FROM organisations)),
       min_age = @minAge, max_age = @maxAge, updated_at = @now
     WHERE slug = @slug`,
  ).run(columnsOf(group, now));
}

export function markGroupChecked(db: Db, slug: string, checkedAt: string, now: string): void {
  db.prepare('UPDATE groups SET checked_at = ?, updated_at = ? WHERE slug = ?').run(
    checkedAt,
    now,
    slug,
  );
}

/** Archives a group: it leaves every list and page, and its slug stays taken. */
export function archiveGroup(db: Db, slug: string, now: string): void {
  db.prepare('UPDATE groups SET archived = 1, updated_at = ? WHERE slug = ?').run(now, slug);
}
