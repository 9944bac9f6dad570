import type { ShortLinkSource } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

/** One row of the visit counts: a London day, what was visited, where the link came from. */
export interface ShortLinkVisits {
  day: string;
  target: string;
  source: ShortLinkSource;
  visits: number;
}

/** Counts one visit; the statement is prepared once per database. */
export function createVisitCounter(
  db: Db,
): (day: string, target: string, source: ShortLinkSource) => void {
  const insert = db.prepare(
    `INSERT INTO short_link_visits (day, target, source, visits) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, target, source) DO UPDATE SET visits = visits + 1`,
  );
  return (day, target, source) => {
    insert.run(day, target, source);
  };
}

/** Every count, by day, target and source: what the tests and the insights read. */
export function listShortLinkVisits(db: Db): ShortLinkVisits[] {
  return db
    .prepare(
      'SELECT day, target, source, visits FROM short_link_visits ORDER BY day, target, source',
    )
    .all() as ShortLinkVisits[];
}
