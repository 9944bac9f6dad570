import { SlugSchema, WaySlugSchema, type Session } from '@fiveways/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import { notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/query-params.ts';
import { validateParams, validateQuery } from '../http/validate.ts';
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
export function sessionRoutes(db: Db) {
  return new Hono()
    .get('/', validateQuery(SessionQuerySchema), (c) => {
      const items: Session[] = listSessions(db, c.req.valid('query'));
      return c.json({ items, total: items.length });
    })
    .get('/:id', validateParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      const session = Number.isSafeInteger(id) ? getSession(db, id) : null;
      if (!session) throw notFound('session with that id');
      return c.json(session);
    });
}
