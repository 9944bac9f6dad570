import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { latestUpdate, readMeta } from './meta.queries.ts';

export interface Meta {
  /** True when the database was filled with the sample Worcester data. */
  sampleData: boolean;
  /** Rises on every write while the service runs: clients refetch when it changes. */
  dataVersion: number;
  /** When this answer was made (UTC ISO): the kiosk shows how old its copy is. */
  generatedAt: string;
  /** The latest change to the directory or timetable (UTC ISO), or null when it is empty. */
  updatedAt: string | null;
}

export function metaRoutes({ db, cache, clock }: { db: Db; cache: ReadCache; clock: () => Date }) {
  return new Hono().get('/', (c) => {
    const meta: Meta = {
      sampleData: readMeta(db, 'sample_data') === '1',
      dataVersion: cache.version(),
      generatedAt: clock().toISOString(),
      updatedAt: latestUpdate(db),
    };
    return c.json(meta);
  });
}
