import { SlugSchema, WaySlugSchema, type Session } from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import { validParams, validQuery } from '../http/router.ts';
import { getSession, listSessions } from './sessions.queries.ts';

const SessionQuerySchema = z.object({
  venue: SlugSchema.optional(),
  group: SlugSchema.optional(),
  way: WaySlugSchema.optional(),
});

/**
 * Public read side of sessions. The list holds active sessions only; one session is returned
 * even when archived (status 'archived'), so a saved link can say it has ended.
 */
export function sessionRoutes({ db, cache }: { db: Db; cache: ReadCache }) {
  return new Hono()
    .get('/', validQuery(SessionQuerySchema), (c) => {
      const q = c.req.valid('query');
      return sendCachedJson(
        c,
        cache,
        `sessions:${JSON.stringify([q.venue, q.group, q.way])}`,
        () => {
          const items: Session[] = listSessions(db, q);
          return { items, total: items.length };
        },
      );
    })
    .get('/:id', validParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      return sendCachedJson(c, cache, `session:${id}`, () => {
        const session = Number.isSafeInteger(id) ? getSession(db, id) : null;
        if (!session) throw notFound('session with that id');
        return session;
      });
    });
}
