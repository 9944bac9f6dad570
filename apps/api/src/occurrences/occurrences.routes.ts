import { OccurrenceQuerySchema, type OccurrenceList } from '@fiveways/shared';
import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { validateQuery } from '../http/validate.ts';
import { listSessions } from '../sessions/sessions.queries.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { buildOccurrences } from './build-occurrences.ts';

export function occurrenceRoutes({ db, cache }: { db: Db; cache: ReadCache }) {
  return new Hono().get('/', validateQuery(OccurrenceQuerySchema), (c) => {
    const q = c.req.valid('query');
    const key = `occurrences:${JSON.stringify([q.from, q.to, q.way, q.venue, q.area, q.group, q.audience])}`;
    // The rendered JSON is kept until the next write, so repeat requests skip SQLite entirely.
    const json = cache.memo(key, () => {
      const sessions = listSessions(db, { way: q.way, group: q.group });
      const body: OccurrenceList = { occurrences: buildOccurrences(sessions, listVenues(db), q) };
      return JSON.stringify(body);
    });
    return c.body(json, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
}
