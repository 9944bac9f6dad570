import { SlugSchema } from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { notFound } from '../http/errors.ts';
import { booleanParam } from '../http/params.ts';
import { validQuery } from '../http/router.ts';
import { getVenue, listVenues } from './venues.queries.ts';

const VenueQuerySchema = z.object({
  area: SlugSchema.optional(),
  hub: booleanParam('hub').optional(),
});

export function venueRoutes({ db, cache }: { db: Db; cache: ReadCache }) {
  return new Hono()
    .get('/', validQuery(VenueQuerySchema), (c) => {
      const q = c.req.valid('query');
      return sendCachedJson(c, cache, `venues:${JSON.stringify([q.area, q.hub])}`, () =>
        listVenues(db, q),
      );
    })
    .get('/:slug', (c) => {
      const slug = c.req.param('slug');
      return sendCachedJson(c, cache, `venue:${slug}`, () => {
        const venue = getVenue(db, slug);
        if (!venue) throw notFound('venue with that name');
        return venue;
      });
    });
}
