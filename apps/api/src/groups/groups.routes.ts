import { AudienceSchema, SlugSchema, WaySlugSchema, type GroupList } from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { notFound } from '../http/errors.ts';
import { booleanParam } from '../http/query-params.ts';
import { validateQuery } from '../http/validate.ts';
import { getGroup, listGroups } from './groups.queries.ts';

const GroupQuerySchema = z.object({
  way: WaySlugSchema.optional(),
  area: SlugSchema.optional(),
  audience: AudienceSchema.optional(),
  free: booleanParam('free').optional(),
});

export function groupRoutes(db: Db) {
  return new Hono()
    .get('/', validateQuery(GroupQuerySchema), (c) => {
      const items = listGroups(db, c.req.valid('query'));
      return c.json({ items, total: items.length } satisfies GroupList);
    })
    .get('/:slug', (c) => {
      const group = getGroup(db, c.req.param('slug'));
      if (!group) throw notFound('group with that name');
      return c.json(group);
    });
}
