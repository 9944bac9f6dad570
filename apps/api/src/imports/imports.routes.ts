import {
  CalendarLinkInputSchema,
  type CalendarLinkList,
  type ImportRunList,
} from '@fiveways/shared';
import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { canManageGroup, ownGroup } from '../groups/groups.policy.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { apiError, fieldError } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import {
  createRouter,
  validJson,
  validParams,
  validQuery,
  type RouterDeps,
} from '../http/router.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { venueExists } from '../venues/venues.queries.ts';
import {
  countRuns,
  deleteLink,
  findLinkByUrl,
  importedSessionIds,
  insertLink,
  listAllLinks,
  listLinksOfGroup,
  listRuns,
  toCalendarLink,
} from './calendar-links.queries.ts';
import type { Importer } from './importer.ts';
import { CALENDAR_LINK, canManageLink, ownLink } from './imports.policy.ts';

export const ImportRunQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'Give limit as a whole number from 1 to 100' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, { error: 'Give limit as a whole number from 1 to 100' })
    .default(20),
});

/** The address to fetch, and the venue for sessions the calendar places nowhere we know (4xx naming the field). */
function checkLinkInput(
  db: Db,
  importer: Importer,
  staff: StaffUser,
  group: { venueSlug: string | null },
  input: { url: string; venue: string | null },
): { url: string; venue: string | null } {
  const address = importer.tools.urlOf(input.url);
  if ('error' in address) throw fieldError('url', address.error);
  if (input.venue !== null) {
    if (!venueExists(db, input.venue)) {
      throw fieldError('venue', `There is no venue "${input.venue}"`);
    }
    if (!canManageVenue(staff, input.venue)) {
      throw fieldError('venue', 'Choose one of the venues you look after');
    }
  } else if (group.venueSlug === null) {
    throw fieldError(
      'venue',
      'This group meets at no venue: choose the venue its sessions are held at',
    );
  }
  return { url: address.url, venue: input.venue };
}

/**
 * A group's own calendars: staff who may edit the group link one (webcal:// or http(s)://),
 * preview what it would import, import it now, read each run's report and unlink it. The
 * scheduler (scheduler.ts) imports linked calendars on a timer.
 */
export function importRoutes(deps: RouterDeps & { importer: Importer }) {
  const { db, clock, importer } = deps;
  const { requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);

  return createRouter()
    .get('/groups/:slug/calendars', requireStaff, ownGroup(db), (c) => {
      const now = clock();
      const items = listLinksOfGroup(db, c.var.before.slug).map((l) => toCalendarLink(db, l, now));
      return c.json({ items, total: items.length } satisfies CalendarLinkList);
    })

    .post(
      '/groups/:slug/calendars/preview',
      requireStaff,
      ownGroup(db),
      validJson(CalendarLinkInputSchema),
      async (c) => {
        const group = c.var.before;
        const input = checkLinkInput(db, importer, c.var.staff, group, c.req.valid('json'));
        const preview = await importer.preview(group.slug, input.url, input.venue);
        if ('error' in preview) {
          throw fieldError('url', `The calendar could not be read: ${preview.error}`);
        }
        return c.json(preview);
      },
    )

    .post(
      '/groups/:slug/calendars',
      requireStaff,
      ownGroup(db),
      validJson(CalendarLinkInputSchema),
      (c) => {
        const { staff, before: group } = c.var;
        const input = checkLinkInput(db, importer, staff, group, c.req.valid('json'));
        const link = staffWrite({
          kind: CALENDAR_LINK,
          action: 'create',
          by: staff,
          allowed: (s) => {
            const g = getGroup(db, group.slug);
            return g !== null && canManageGroup(s, g);
          },
          change: ({ at }) => {
            if (findLinkByUrl(db, group.slug, input.url) !== null) {
              const message = 'This calendar is already linked to the group';
              throw apiError(409, 'already_linked', message, [{ path: 'url', message }]);
            }
            return insertLink(
              db,
              { group: group.slug, url: input.url, venue: input.venue, createdBy: staff.id },
              at,
            );
          },
        });
        return c.json(toCalendarLink(db, link, clock()), 201);
      },
    )

    .post('/calendars/:id/import', requireStaff, ownLink(db), async (c) => {
      const run = await importer.importLink(c.var.link.id, 'manual', c.var.staff);
      return c.json(run);
    })

    .get(
      '/calendars/:id/runs',
      requireStaff,
      validParams(IdParamSchema),
      ownLink(db),
      validQuery(ImportRunQuerySchema),
      (c) => {
        const { limit } = c.req.valid('query');
        const items = listRuns(db, c.var.link.id, limit);
        return c.json({ items, total: countRuns(db, c.var.link.id) } satisfies ImportRunList);
      },
    )

    .delete('/calendars/:id', requireStaff, ownLink(db), (c) => {
      const { staff, link } = c.var;
      const formerlyImported = [...importedSessionIds(db, link.id).values()];
      staffWrite({
        kind: CALENDAR_LINK,
        action: 'delete',
        by: staff,
        after: 'none',
        current: () => CALENDAR_LINK.load(db, link.id),
        allowed: (s, { before }) => canManageLink(db, s, before),
        change: ({ before }) => {
          deleteLink(db, before.id);
          return before.id;
        },
      });
      // Its sessions stay, no longer marked as imported: their cached answers are made again.
      if (formerlyImported.length > 0) deps.cache.invalidate({ sessions: formerlyImported });
      return c.body(null, 204);
    })

    .get('/staff/calendars', requireStaff, (c) => {
      const now = clock();
      const items = listAllLinks(db)
        .filter((l) => canManageLink(db, c.var.staff, l))
        .map((l) => toCalendarLink(db, l, now));
      return c.json({ items, total: items.length } satisfies CalendarLinkList);
    });
}
