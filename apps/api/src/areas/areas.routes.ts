import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { listAreas } from './areas.queries.ts';

export function areaRoutes({ db, cache }: { db: Db; cache: ReadCache }) {
  return new Hono().get('/', (c) => sendCachedJson(c, cache, 'areas', () => listAreas(db)));
}
