import { SlugSchema } from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { notFound } from '../http/errors.ts';
import { booleanParam } from '../http/query-params.ts';
import { validateQuery } from '../http/validate.ts';
import { getVenue, listVenues } from './venues.queries.ts';

const VenueQuerySchema = z.object({
  area: SlugSchema.optional(),
  hub: booleanParam('hub').optional(),
});

export function venueRoutes(db: Db) {
  return new Hono()
    .get('/', validateQuery(VenueQuerySchema), (c) => c.json(listVenues(db, c.req.valid('query'))))
    .get('/:slug', (c) => {
      const venue = getVenue(db, c.req.param('slug'));
      if (!venue) throw notFound('venue with that name');
      return c.json(venue);
    });
}
