// Reach counts are kept for REACH_RETENTION_MONTHS, then deleted: a purge at start-up and daily.
import { addMonths } from '@fiveways/shared/dates';
import { londonDateOf } from '@fiveways/shared/london-time';
import type { Db } from '../db/open-db.ts';
import type { Logger } from '../ops/logger.ts';
import { purgeReachBefore } from './reach.queries.ts';

const DAY_MS = 24 * 60 * 60_000;

/** The first day still kept: counts for any day before it are deleted. */
export function firstKeptDay(today: string, months: number): string {
  return addMonths(today, -months);
}

/** Deletes reach counts older than `months` before today (London); returns rows per table. */
export function purgeOldReach(db: Db, now: Date, months: number): Record<string, number> {
  return purgeReachBefore(db, firstKeptDay(londonDateOf(now), months));
}

export interface ReachRetentionOptions {
  db: Db;
  clock: () => Date;
  months: number;
  log: Logger;
}

/** Purges now and then once a day; returns the function that stops it. */
export function startReachRetention({ db, clock, months, log }: ReachRetentionOptions): () => void {
  function purge(): void {
    try {
      const deleted = purgeOldReach(db, clock(), months);
      const total = Object.values(deleted).reduce((a, b) => a + b, 0);
      if (total > 0) log.info('old reach counts deleted', { ...deleted, months });
    } catch (error) {
      log.error('reach retention purge failed', { error: String(error) });
    }
  }
  purge();
  const timer = setInterval(purge, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
