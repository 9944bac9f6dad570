import { Hono } from 'hono';
import type { Db } from '../db/open-db.ts';
import { listAreas } from './areas.queries.ts';

export function areaRoutes(db: Db) {
  return new Hono().get('/', (c) => c.json(listAreas(db)));
}
