// POST /api/reach/kiosk: a kiosk's counts per day (what residents tapped, chose and found
// nothing for). A kiosk cannot sign in, so the damage anyone can do is bounded instead: only known
// events, ways, venues and areas; small counts per batch; a few batches per client address.
import { KioskReachBatchSchema, type KioskReachBatch } from '@fiveways/shared';
import { addDays, compareDates } from '@fiveways/shared/dates';
import { londonDateOf } from '@fiveways/shared/london-time';
import { areaOfDetail, KIOSK_REACH_MAX_DAYS } from '@fiveways/shared/reach-events';
import { listAreas } from '../areas/areas.queries.ts';
import { DEFAULT_REACH_RETENTION_MONTHS } from '../env.ts';
import { clientAddressOf, trustedProxySet } from '../http/client-address.ts';
import { apiError, fieldError } from '../http/errors.ts';
import { createRouter, validJson, type RouterDeps } from '../http/router.ts';
import { listVenues } from '../venues/venues.queries.ts';
import { recordKioskCounts, type KioskCountRow } from './reach.queries.ts';

/** Batches one client address may send in one window (several kiosks may share an address). */
export const KIOSK_BATCHES_PER_WINDOW = 60;
export const KIOSK_BATCH_WINDOW_MS = 10 * 60_000;
/** The most all of one batch's counts may add up to. */
export const KIOSK_BATCH_MAX_TOTAL = 2000;

export interface ReachRoutesDeps extends RouterDeps {
  trustedProxies?: readonly string[];
  /** How long counts are kept (REACH_RETENTION_MONTHS), as the privacy notice says. */
  retentionMonths?: number;
  batchesPerWindow?: number;
}

/** Batches per address in the current window, in memory only; a restart forgets them. */
function createBatchLimit(perWindow: number, clock: () => Date) {
  let windowStart = 0;
  let sent = new Map<string, number>();
  return function allow(address: string): boolean {
    const now = clock().getTime();
    if (now - windowStart >= KIOSK_BATCH_WINDOW_MS) {
      windowStart = now;
      sent = new Map();
    }
    const n = sent.get(address) ?? 0;
    if (n >= perWindow) return false;
    sent.set(address, n + 1);
    return true;
  };
}

export function reachRoutes({
  db,
  cache,
  clock,
  trustedProxies = [],
  retentionMonths = DEFAULT_REACH_RETENTION_MONTHS,
  batchesPerWindow = KIOSK_BATCHES_PER_WINDOW,
}: ReachRoutesDeps) {
  const proxies = trustedProxySet(trustedProxies);
  const allow = createBatchLimit(batchesPerWindow, clock);
  const knownVenues = () =>
    cache.memo('known-slugs:venue', () => new Set(listVenues(db).map((v) => v.slug)));
  const knownAreas = () =>
    cache.memo('known-slugs:area', () => new Set(listAreas(db).map((a) => a.slug)));

  /** The batch as rows, or a 400 naming the first field that names something unknown. */
  function rowsOf(batch: KioskReachBatch): KioskCountRow[] {
    if (batch.venue !== '' && !knownVenues().has(batch.venue)) {
      throw fieldError('venue', `There is no venue called "${batch.venue}"`);
    }
    const today = londonDateOf(clock());
    const earliest = addDays(today, -(KIOSK_REACH_MAX_DAYS - 1));
    // A kiosk's clock may run a little ahead of ours.
    const latest = addDays(today, 1);
    const rows = new Map<string, KioskCountRow>();
    let total = 0;
    batch.days.forEach(({ day, counts }, i) => {
      if (compareDates(day, earliest) < 0 || compareDates(day, latest) > 0) {
        throw fieldError(
          `days.${i}.day`,
          `Send only days from ${earliest} to ${latest}; older counts are no longer taken`,
        );
      }
      counts.forEach(({ event, detail, count }, j) => {
        const area = areaOfDetail(event, detail);
        if (area !== null && !knownAreas().has(area)) {
          throw fieldError(`days.${i}.counts.${j}.detail`, `There is no area called "${area}"`);
        }
        total += count;
        const key = `${day}\n${event}\n${detail}`;
        const row = rows.get(key);
        if (row === undefined) rows.set(key, { day, venue: batch.venue, event, detail, count });
        else row.count += count;
      });
    });
    if (total > KIOSK_BATCH_MAX_TOTAL) {
      throw fieldError(
        'days',
        `The counts of one batch must add up to at most ${KIOSK_BATCH_MAX_TOTAL}; send the rest later`,
      );
    }
    return [...rows.values()];
  }

  const routes = createRouter();
  // The privacy notice's "kept for N months" is the setting in force, not a copy of it.
  routes.get('/reach/retention', (c) => c.json({ months: retentionMonths }));
  return routes.post('/reach/kiosk', validJson(KioskReachBatchSchema), (c) => {
    if (!allow(clientAddressOf(c, proxies))) {
      throw apiError(
        429,
        'too_many_batches',
        'Too many batches of counts from this address; keep them and send them in a few minutes',
        [],
        { 'Retry-After': String(Math.ceil(KIOSK_BATCH_WINDOW_MS / 1000)) },
      );
    }
    recordKioskCounts(db, rowsOf(c.req.valid('json')));
    return c.body(null, 204);
  });
}
