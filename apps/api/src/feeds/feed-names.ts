// What each feed is named after, by slug. Each name is looked up once with its entity's own query
// and kept in the read cache until the next write, so a cached feed is answered without a query.

import { WAYS } from '@fiveways/shared';
import { getArea } from '../areas/areas.queries.ts';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { getVenue } from '../venues/venues.queries.ts';

/** Each gives the name for a slug, or null when there is none (such a slug is not kept). */
export interface FeedNames {
  way(this: void, slug: string): string | null;
  venue(this: void, slug: string): string | null;
  area(this: void, slug: string): string | null;
  group(this: void, slug: string): string | null;
}

export function createFeedNames(db: Db, cache: ReadCache): FeedNames {
  function kept(kind: string, find: (slug: string) => string | null) {
    return (slug: string): string | null => {
      const names = cache.memo(`feed-names:${kind}`, () => new Map<string, string>());
      const known = names.get(slug);
      if (known !== undefined) return known;
      const name = find(slug);
      if (name !== null) names.set(slug, name);
      return name;
    };
  }
  return {
    // The five ways are fixed: no query, nothing to keep.
    way: (slug) => WAYS.find((w) => w.slug === slug)?.name ?? null,
    venue: kept('venue', (slug) => getVenue(db, slug)?.name ?? null),
    area: kept('area', (slug) => getArea(db, slug)?.name ?? null),
    group: kept('group', (slug) => getGroup(db, slug)?.name ?? null),
  };
}
