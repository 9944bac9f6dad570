import { SlugSchema, VenueSchema, type Venue } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { areaExists } from '../areas/areas.queries.ts';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { fieldError, notFound, slugInUse, validationError } from '../http/errors.ts';
import { createFilterCheck } from '../http/filter-references.ts';
import { booleanParam } from '../http/params.ts';
import {
  createRouter,
  type RouterDeps,
  sentFields,
  validJson,
  validQuery,
} from '../http/router.ts';
import { venueEditChangesEvents } from '../feeds/render-calendar.ts';
import { touchSessionsShowingVenue } from '../sessions/sessions.queries.ts';
import { VENUE } from './venues.policy.ts';
import { getVenue, insertVenue, listVenues, updateVenue, venueExists } from './venues.queries.ts';

export const VenueQuerySchema = z.object({
  area: SlugSchema.optional(),
  hub: booleanParam('hub').optional(),
});
export const VenueCreateSchema = VenueSchema.strict();
export const VenuePatchSchema = VenueSchema.omit({ slug: true }).partial().strict();

function checkArea(db: Db, areaSlug: string) {
  if (!areaExists(db, areaSlug)) throw fieldError('areaSlug', `There is no area "${areaSlug}"`);
}

/** The venue the path names, for the route behind it; 404 when there is none. */
function namedVenue(db: Db) {
  return createMiddleware<{ Variables: { before: Venue } }>(async function namedVenue(c, next) {
    const venue = getVenue(db, c.req.param('slug') ?? '');
    if (venue === null) throw notFound('venue with that name');
    c.set('before', venue);
    await next();
  });
}

/** Venues: anyone reads them; admins add and change them. */
export function venueRoutes(deps: RouterDeps) {
  const { db, cache } = deps;
  const { requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const checkFilterReferences = createFilterCheck(db, cache);

  return createRouter()
    .get('/venues', validQuery(VenueQuerySchema), (c) => {
      const q = c.req.valid('query');
      checkFilterReferences(q);
      return sendCachedJson(c, cache, `venues:${JSON.stringify([q.area, q.hub])}`, () =>
        listVenues(db, q),
      );
    })

    .get('/venues/:slug', (c) => {
      const slug = c.req.param('slug');
      return sendCachedJson(c, cache, `venue:${slug}`, () => {
        const venue = getVenue(db, slug);
        if (!venue) throw notFound('venue with that name');
        return venue;
      });
    })

    .post('/venues', requireAdmin, validJson(VenueCreateSchema), (c) => {
      const input = c.req.valid('json');
      const venue = staffWrite({
        kind: VENUE,
        action: 'create',
        by: c.var.staff,
        allowed: adminOnly,
        change: ({ at }) => {
          checkArea(db, input.areaSlug);
          if (venueExists(db, input.slug)) throw slugInUse(input.slug, 'venue');
          insertVenue(db, input, at);
          return input.slug;
        },
      });
      return c.json(venue, 201);
    })

    .patch(
      '/venues/:slug',
      requireAdmin,
      namedVenue(db),
      validJson(VenuePatchSchema),
      async (c) => {
        const { staff: admin, before: atStart } = c.var;
        const sent = await sentFields(c, c.req.valid('json'));
        const venue = staffWrite({
          kind: VENUE,
          action: 'update',
          by: admin,
          current: () => getVenue(db, atStart.slug),
          allowed: adminOnly,
          change: ({ before, at }) => {
            // A new one-line address sent without its parts gives the parts anew.
            const newLine =
              sent.address !== undefined &&
              sent.address1 === undefined &&
              sent.city === undefined &&
              sent.stateProvince === undefined;
            const parts = newLine ? { address1: '', city: '', stateProvince: '' } : {};
            const merged = VenueSchema.safeParse({ ...before, ...parts, ...sent });
            if (!merged.success) throw validationError(merged.error, 'body');
            checkArea(db, merged.data.areaSlug);
            updateVenue(db, merged.data, at);
            if (venueEditChangesEvents(before, merged.data)) {
              touchSessionsShowingVenue(db, before.slug, at);
            }
            return before.slug;
          },
        });
        return c.json(venue);
      },
    );
}
