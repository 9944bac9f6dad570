// Query filters that name a venue, an area or a group: one rule for every list and feed that
// takes them. A well-formed slug that names nothing is a 400 naming the filter (as the feeds
// answer), never an empty list that looks like "nothing on".
import { listAreas } from '../areas/areas.queries.ts';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { listGroupSlugs } from '../groups/groups.queries.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { fieldError } from './errors.ts';

export type FilterField = 'venue' | 'area' | 'group';

/** The filters a query may carry, as validated (each a well-formed slug or absent). */
export type FilterReferences = Partial<Record<FilterField, string | undefined>>;

/** Throws the 400 for the first filter that names nothing; returns when all name something. */
export type CheckFilterReferences = (query: FilterReferences) => void;

const FIELDS: readonly FilterField[] = ['venue', 'area', 'group'];

/**
 * The check for a router. Known slugs are read once per version of the data and kept in the read
 * cache, so a cached list is answered without a query. Archived groups name nothing.
 */
export function createFilterCheck(db: Db, cache: ReadCache): CheckFilterReferences {
  const known: Record<FilterField, () => ReadonlySet<string>> = {
    venue: () => cache.memo('known-slugs:venue', () => new Set(listVenues(db).map((v) => v.slug))),
    area: () => cache.memo('known-slugs:area', () => new Set(listAreas(db).map((a) => a.slug))),
    // Slugs alone: at scale decoding every group's row after each write held the loop.
    group: () => cache.memo('known-slugs:group', () => new Set(listGroupSlugs(db))),
  };
  return function checkFilterReferences(query) {
    for (const field of FIELDS) {
      const slug = query[field];
      if (slug !== undefined && !known[field]().has(slug)) {
        throw fieldError(field, `There is no ${field} called "${slug}"`);
      }
    }
  };
}
