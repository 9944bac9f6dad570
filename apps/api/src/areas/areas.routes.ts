import { AreaSchema, type Area } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { notFound, slugInUse, validationError } from '../http/errors.ts';
import { createRouter, type RouterDeps, sentFields, validJson } from '../http/router.ts';
import { AREA } from './areas.policy.ts';
import {
  areaExists,
  getArea,
  insertArea,
  listAreas,
  nextAreaSortOrder,
  updateArea,
} from './areas.queries.ts';

export const AreaCreateSchema = AreaSchema.strict();
export const AreaPatchSchema = AreaSchema.omit({ slug: true }).partial().strict();

/** The area the path names, for the route behind it; 404 when there is none. */
function namedArea(db: Db) {
  return createMiddleware<{ Variables: { before: Area } }>(async function namedArea(c, next) {
    const area = getArea(db, c.req.param('slug') ?? '');
    if (area === null) throw notFound('area with that name');
    c.set('before', area);
    await next();
  });
}

/** Areas of Worcester: anyone reads them; admins add and rename them. */
export function areaRoutes(deps: RouterDeps) {
  const { db, cache } = deps;
  const { requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);

  return createRouter()
    .get('/areas', (c) => sendCachedJson(c, cache, 'areas', () => listAreas(db)))

    .post('/areas', requireAdmin, validJson(AreaCreateSchema), (c) => {
      const input = c.req.valid('json');
      const area = staffWrite({
        kind: AREA,
        action: 'create',
        by: c.var.staff,
        allowed: adminOnly,
        change: ({ at }) => {
          if (areaExists(db, input.slug)) throw slugInUse(input.slug, 'area');
          insertArea(db, input, nextAreaSortOrder(db), at);
          return input.slug;
        },
      });
      return c.json(area, 201);
    })

    .patch('/areas/:slug', requireAdmin, namedArea(db), validJson(AreaPatchSchema), async (c) => {
      const { staff: admin, before: atStart } = c.var;
      const sent = await sentFields(c, c.req.valid('json'));
      const area = staffWrite({
        kind: AREA,
        action: 'update',
        by: admin,
        current: () => getArea(db, atStart.slug),
        allowed: adminOnly,
        change: ({ before, at }) => {
          const merged = AreaSchema.safeParse({ ...before, ...sent });
          if (!merged.success) throw validationError(merged.error, 'body');
          updateArea(db, merged.data, at);
          return before.slug;
        },
      });
      return c.json(area);
    });
}
