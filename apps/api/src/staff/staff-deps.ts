import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';

export interface StaffDeps {
  db: Db;
  cache: ReadCache;
  clock: () => Date;
  /** The service's own origin, e.g. https://fiveways.example.org: links and the origin check. */
  publicUrl: string;
}
