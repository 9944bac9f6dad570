import type { Area, GroupInput, Venue } from '@fiveways/shared';
import { toFlag } from '../db/json-column.ts';
import type { Db } from '../db/open-db.ts';

export function slugTaken(db: Db, table: 'groups' | 'venues' | 'areas', slug: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE slug = ?`).get(slug) !== undefined;
}

export function areaExists(db: Db, slug: string): boolean {
  return slugTaken(db, 'areas', slug);
}

export function updateGroup(db: Db, group: GroupInput, now: string): void {
  db.prepare(
    `UPDATE groups SET name = @name, description = @description, ways = @ways,
       area_slugs = @areaSlugs, audiences = @audiences, cost_free = @costFree,
       cost_text = @costText, contact = @contact, languages = @languages,
       accessibility = @accessibility, venue_slug = @venueSlug, updated_at = @now
     WHERE slug = @slug`,
  ).run({
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
    now,
  });
}

export function markGroupChecked(db: Db, slug: string, checkedAt: string, now: string): void {
  db.prepare('UPDATE groups SET checked_at = ?, updated_at = ? WHERE slug = ?').run(
    checkedAt,
    now,
    slug,
  );
}

export function archiveGroup(db: Db, slug: string, now: string): void {
  db.prepare('UPDATE groups SET archived = 1, updated_at = ? WHERE slug = ?').run(now, slug);
}

export function updateVenue(db: Db, venue: Venue, now: string): void {
  const a = venue.accessibility;
  db.prepare(
    `UPDATE venues SET name = @name, area_slug = @areaSlug, is_hub = @isHub, address = @address,
       postcode = @postcode, latitude = @latitude, longitude = @longitude, phone = @phone,
       step_free = @stepFree, hearing_loop = @hearingLoop, accessible_toilet = @accessibleToilet,
       parking = @parking, baby_change = @babyChange, accessibility_notes = @notes,
       updated_at = @now
     WHERE slug = @slug`,
  ).run({
    slug: venue.slug,
    name: venue.name,
    areaSlug: venue.areaSlug,
    isHub: toFlag(venue.isHub),
    address: venue.address,
    postcode: venue.postcode,
    latitude: venue.latitude,
    longitude: venue.longitude,
    phone: venue.phone,
    stepFree: toFlag(a.stepFree),
    hearingLoop: toFlag(a.hearingLoop),
    accessibleToilet: toFlag(a.accessibleToilet),
    parking: toFlag(a.parking),
    babyChange: toFlag(a.babyChange),
    notes: a.notes,
    now,
  });
}

export function getArea(db: Db, slug: string): Area | null {
  const row = db.prepare('SELECT slug, name, description FROM areas WHERE slug = ?').get(slug) as
    Area | undefined;
  return row ? { slug: row.slug, name: row.name, description: row.description } : null;
}

export function nextAreaSortOrder(db: Db): number {
  const row = db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM areas').get() as {
    n: number;
  };
  return row.n;
}

export function updateArea(db: Db, area: Area, at: string): void {
  db.prepare('UPDATE areas SET name = ?, description = ?, updated_at = ? WHERE slug = ?').run(
    area.name,
    area.description,
    at,
    area.slug,
  );
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
