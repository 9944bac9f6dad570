import type { Meta } from '@fiveways/shared';
import type { ReadCache } from '../cache/read-cache.ts';
import { hashOf } from '../http/compressed-body.ts';
import type { Db } from '../db/open-db.ts';
import { matchingEtag } from '../http/negotiate.ts';
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
    // The stored facts are kept until the next write. generatedAt is this answer's own time, so
    // the ETag is weak: it names the facts, and kiosks polling every minute get a bodiless 304.
    const stored = cache.memo('meta', () => {
      const facts = {
        sampleData: readMeta(db, 'sample_data') === '1',
        updatedAt: latestUpdate(db),
      };
      return { ...facts, etag: `W/"${hashOf(JSON.stringify([facts, publicUrl]))}"` };
    });
    const version = cache.version();
    const etag = stored.etag.replace(/"$/, `-${version}"`);
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch !== undefined && matchingEtag(ifNoneMatch, [etag.slice(2)]) !== null) {
      return c.body(null, 304);
    }
    const meta: Meta = {
      sampleData: stored.sampleData,
      dataVersion: version,
      generatedAt: clock().toISOString(),
      updatedAt: stored.updatedAt,
      publicUrl,
    };
    return c.json(meta);
  });
}
