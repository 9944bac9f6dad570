import { splitOneLineAddress, type Venue } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import { toFlag } from '../db/json-column.ts';

interface VenueRow {
  slug: string;
  name: string;
  area_slug: string;
  is_hub: number;
  address: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  step_free: number;
  hearing_loop: number;
  accessible_toilet: number;
  parking: number;
  baby_change: number;
  accessibility_notes: string;
  address_1: string;
  city: string;
  state_province: string;
  country: string;
}

const COLUMNS = `slug, name, area_slug, is_hub, address, postcode, latitude, longitude, phone,
  step_free, hearing_loop, accessible_toilet, parking, baby_change, accessibility_notes,
  address_1, city, state_province, country`;

function rowToVenue(row: VenueRow): Venue {
  return {
    slug: row.slug,
    name: row.name,
    areaSlug: row.area_slug,
    isHub: row.is_hub === 1,
    address: row.address,
    postcode: row.postcode,
    address1: row.address_1,
    city: row.city,
    stateProvince: row.state_province,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    accessibility: {
      stepFree: row.step_free === 1,
      hearingLoop: row.hearing_loop === 1,
      accessibleToilet: row.accessible_toilet === 1,
      parking: row.parking === 1,
      babyChange: row.baby_change === 1,
      notes: row.accessibility_notes,
    },
  };
}

export interface VenueFilter {
  area?: string | undefined;
  hub?: boolean | undefined;
}

/** Venues by name, optionally in one area and/or only hubs (or only non-hubs). */
export function listVenues(db: Db, filter: VenueFilter = {}): Venue[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM venues
       WHERE (@area IS NULL OR area_slug = @area) AND (@hub IS NULL OR is_hub = @hub)
       ORDER BY name, slug`,
    )
    .all({
      area: filter.area ?? null,
      hub: filter.hub === undefined ? null : toFlag(filter.hub),
    }) as VenueRow[];
  return rows.map(rowToVenue);
}

export function getVenue(db: Db, slug: string): Venue | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM venues WHERE slug = ?`).get(slug) as
    VenueRow | undefined;
  return row ? rowToVenue(row) : null;
}

/** True when a venue has this slug (venues are never removed, so a slug is never reused). */
export function venueExists(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM venues WHERE slug = ?').get(slug) !== undefined;
}

/** A venue with every address part filled: a part left empty comes from the one-line address. */
export function withAddressParts(venue: Venue): Venue {
  const split = splitOneLineAddress(venue.address, venue.postcode);
  return {
    ...venue,
    address1: venue.address1 === '' ? split.address1 : venue.address1,
    city: venue.city === '' ? split.city : venue.city,
    stateProvince: venue.stateProvince === '' ? split.stateProvince : venue.stateProvince,
  };
}

function columnsOf(given: Venue, now: string) {
  const venue = withAddressParts(given);
  const a = venue.accessibility;
  return {
    slug: venue.slug,
    name: venue.name,
    areaSlug: venue.areaSlug,
    isHub: toFlag(venue.isHub),
    address: venue.address,
    postcode: venue.postcode,
    latitude: venue.latitude,
    longitude: venue.longitude,
    phone: venue.phone,
    address1: venue.address1,
    city: venue.city,
    stateProvince: venue.stateProvince,
    country: venue.country,
    stepFree: toFlag(a.stepFree),
    hearingLoop: toFlag(a.hearingLoop),
    accessibleToilet: toFlag(a.accessibleToilet),
    parking: toFlag(a.parking),
    babyChange: toFlag(a.babyChange),
    notes: a.notes,
    now,
  };
}

export function insertVenue(db: Db, venue: Venue, now: string): void {
  db.prepare(
    `INSERT INTO venues (${COLUMNS}, updated_at)
     VALUES (@slug, @name, @areaSlug, @isHub, @address, @postcode, @latitude, @longitude, @phone,
       @stepFree, @hearingLoop, @accessibleToilet, @parking, @babyChange, @notes,
       @address1, @city, @stateProvince, @country, @now)`,
  ).run(columnsOf(venue, now));
}

export function updateVenue(db: Db, venue: Venue, now: string): void {
  db.prepare(
    `UPDATE venues SET name = @name, area_slug = @areaSlug, is_hub = @isHub, address = @address,
       postcode = @postcode, latitude = @latitude, longitude = @longitude, phone = @phone,
       step_free = @stepFree, hearing_loop = @hearingLoop, accessible_toilet = @accessibleToilet,
       parking = @parking, baby_change = @babyChange, accessibility_notes = @notes,
       address_1 = @address1, city = @city, state_province = @stateProvince, country = @country,
       updated_at = @now
     WHERE slug = @slug`,
  ).run(columnsOf(venue, now));
}
