// Placing a postcode without a postcode database: the directory's own venues carry postcodes
// and coordinates, so a postcode is placed at the venues that share it, or failing that its
// sector (WR5 1), or its district (WR5). Good enough to sort and cut by distance within the city.
import type { Venue } from '@fiveways/shared';
import { fieldError } from '../http/errors.ts';
import type { OrukDirectory } from './oruk-directory.ts';

export interface Place {
  latitude: number;
  longitude: number;
}

const POSTCODE_RE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d)([A-Z]{2})$/;

function partsOf(postcode: string): { district: string; sector: string; full: string } | null {
  const m = POSTCODE_RE.exec(postcode.trim().toUpperCase().replace(/\s+/g, ' '));
  if (m === null) return null;
  const [, district = '', sector = '', unit = ''] = m;
  return { district, sector: `${district} ${sector}`, full: `${district} ${sector}${unit}` };
}

/** Where a postcode is, from the venues that share it (or its sector, or its district). */
export function placePostcode(dir: OrukDirectory, postcode: string): Place {
  const wanted = partsOf(postcode);
  if (wanted === null) {
    throw fieldError('postcode', 'Give postcode as a UK postcode, for example WR5 1PQ');
  }
  const venues = new Map<string, Venue>();
  for (const s of dir.services) for (const v of s.venues) venues.set(v.slug, v);
  const placed = [...venues.values()].flatMap((v) => {
    const parts = partsOf(v.postcode);
    return parts === null || v.latitude === null || v.longitude === null
      ? []
      : [{ parts, latitude: v.latitude, longitude: v.longitude }];
  });
  for (const level of ['full', 'sector', 'district'] as const) {
    const same = placed.filter((p) => p.parts[level] === wanted[level]);
    if (same.length > 0) {
      return {
        latitude: same.reduce((sum, p) => sum + p.latitude, 0) / same.length,
        longitude: same.reduce((sum, p) => sum + p.longitude, 0) / same.length,
      };
    }
  }
  throw fieldError(
    'postcode',
    `No venue in the directory is near ${wanted.full}; try a Worcester postcode`,
  );
}

/** Great-circle distance in metres; Infinity for a venue with no coordinates. */
export function distanceMetres(a: Place, v: Venue): number {
  if (v.latitude === null || v.longitude === null) return Infinity;
  const rad = Math.PI / 180;
  const dLat = (v.latitude - a.latitude) * rad;
  const dLon = (v.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(v.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
