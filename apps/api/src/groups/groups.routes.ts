import {
  AudienceSchema,
  PageQueryFields,
  SlugSchema,
  WaySlugSchema,
  pageOf,
  type GroupList,
} from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { notFound } from '../http/errors.ts';
import { booleanParam } from '../http/params.ts';
import { validQuery } from '../http/router.ts';
import { getGroup, listGroups } from './groups.queries.ts';

const GroupQuerySchema = z.object({
  way: WaySlugSchema.optional(),
  area: SlugSchema.optional(),
  audience: AudienceSchema.optional(),
  free: booleanParam('free').optional(),
  ...PageQueryFields,
});

export function groupRoutes({ db, cache }: { db: Db; cache: ReadCache }) {
  return new Hono()
    .get('/', validQuery(GroupQuerySchema), (c) => {
      const q = c.req.valid('query');
      const filter = JSON.stringify([q.way, q.area, q.audience, q.free]);
      // The whole filtered list is read once per version; each page is a slice of it.
      const all = () => cache.memo(`groups-all:${filter}`, () => listGroups(db, q));
      return sendCachedJson(c, cache, `groups:${filter}:${q.limit}:${q.offset}`, () => {
        const items = all();
        return { items: pageOf(items, q), total: items.length } satisfies GroupList;
      });
    })
    .get('/:slug', (c) => {
      const slug = c.req.param('slug');
      return sendCachedJson(c, cache, `group:${slug}`, () => {
        const group = getGroup(db, slug);
        if (!group) throw notFound('group with that name');
        return group;
      });
    });
}
