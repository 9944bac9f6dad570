import type { Meta } from '@fiveways/shared';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { createRouter } from '../http/router.ts';
import { latestUpdate, readMeta } from './meta.queries.ts';

export interface MetaRoutesDeps {
  db: Db;
  cache: ReadCache;
  clock: () => Date;
  /** The service's own origin (PUBLIC_URL). */
  publicUrl: string;
}

export function metaRoutes({ db, cache, clock, publicUrl }: MetaRoutesDeps) {
  return createRouter().get('/', (c) => {
    // The stored facts are kept until the next write; generatedAt is this answer's own time, so
    // the body differs on every request and has no ETag to revalidate against.
    const stored = cache.memo('meta', () => ({
      sampleData: readMeta(db, 'sample_data') === '1',
      updatedAt: latestUpdate(db),
    }));
    const meta: Meta = {
      sampleData: stored.sampleData,
      dataVersion: cache.version(),
      generatedAt: clock().toISOString(),
      updatedAt: stored.updatedAt,
      publicUrl,
    };
    return c.json(meta);
  });
}
