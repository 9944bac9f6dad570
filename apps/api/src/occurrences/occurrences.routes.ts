import { OccurrenceQuerySchema, pageOf, type OccurrenceList } from '@fiveways/shared';
import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { createFilterCheck } from '../http/filter-references.ts';
import { validQuery } from '../http/router.ts';
import { buildOccurrences } from '@fiveways/shared/build-occurrences';

export function occurrenceRoutes({
  db,
  cache,
  sessionStore,
}: {
  db: Db;
  cache: ReadCache;
  sessionStore: SessionStore;
}) {
  const checkFilterReferences = createFilterCheck(db, cache);
  return new Hono().get('/', validQuery(OccurrenceQuerySchema), (c) => {
    const q = c.req.valid('query');
    checkFilterReferences(q);
    const filter = JSON.stringify([q.from, q.to, q.way, q.venue, q.area, q.group, q.audience]);
    // Kept until the next write, from sessions held in memory: a repeat request skips SQLite,
    // and the first one after a write reloads only the session that changed. Each page is a
    // slice of the whole list, which is worked out once.
    const all = () =>
      cache.memo(`occurrences-all:${filter}`, () =>
        buildOccurrences(sessionStore.sessions(), sessionStore.venues(), q),
      );
    return sendCachedJson(c, cache, `occurrences:${filter}:${q.limit}:${q.offset}`, () => {
      const occurrences = all();
      return {
        occurrences: pageOf(occurrences, q),
        total: occurrences.length,
      } satisfies OccurrenceList;
    });
  });
}
