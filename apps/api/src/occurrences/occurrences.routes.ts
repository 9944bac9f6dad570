import {
  addDays,
  compareTimedOccurrences,
  daysBetween,
  OccurrenceQuerySchema,
  sessionOccurrences,
  startOfWeek,
  type OccurrenceQuery,
  type TimedOccurrence,
} from '@fiveways/shared';
import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { createFilterCheck } from '../http/filter-references.ts';
import { sortInSlices, type Sliced } from '../cache/slices.ts';
import {
  createJsonList,
  memoJsonItems,
  sendJsonList,
  type ItemRun,
  type JsonItemsWriter,
} from '../http/json-list.ts';
import { validQuery } from '../http/router.ts';

type OccurrenceFilter = Pick<OccurrenceQuery, 'way' | 'venue' | 'area' | 'group' | 'audience'>;

/**
 * One week's occurrences (Monday to Sunday, by the date they happen) for a filter, in list order,
 * written a slice of work at a time. Returns where each day's items start, and where they end.
 */
function* writeWeek(
  sessionStore: SessionStore,
  filter: OccurrenceFilter,
  monday: string,
  writer: JsonItemsWriter,
): Sliced<number[]> {
  const { sessions } = sessionStore.snapshot();
  const venues = new Map(sessionStore.venues().map((v) => [v.slug, v]));
  const week = { ...filter, from: monday, to: addDays(monday, 6) };
  const found: TimedOccurrence[] = [];
  for (const session of sessions) {
    for (const o of sessionOccurrences(session, venues, week)) found.push(o);
    yield;
  }
  yield* sortInSlices(found, compareTimedOccurrences);
  const dayStarts: number[] = [];
  found.forEach((o, i) => {
    // Sorted by start, so by the date each happens: the start's local date.
    const day = daysBetween(monday, o.occurrence.start.slice(0, 10));
    while (dayStarts.length <= day) dayStarts.push(i);
  });
  while (dayStarts.length <= 7) dayStarts.push(found.length);
  for (const o of found) {
    writer.add(JSON.stringify(o.occurrence));
    yield;
  }
  return dayStarts;
}

/** Writes that may come while a window's weeks are gathered before it answers anyway. */
const WRITES_TOLERATED = 2;

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
  return new Hono().get('/', validQuery(OccurrenceQuerySchema), async (c) => {
    const q = c.req.valid('query');
    checkFilterReferences(q);
    const filter = {
      way: q.way,
      venue: q.venue,
      area: q.area,
      group: q.group,
      audience: q.audience,
    };
    const key = JSON.stringify([q.way, q.venue, q.area, q.group, q.audience]);
    // Kept a week at a time per filter until the next write, built from the sessions in memory a
    // slice at a time: any window, and any page of it, is cut from its weeks' items, so windows
    // that overlap share their work and paging keeps nothing more.
    const mondays: string[] = [];
    for (let m = startOfWeek(q.from); m <= q.to; m = addDays(m, 7)) mondays.push(m);
    for (let attempt = 0; ; attempt += 1) {
      const version = cache.version();
      const weeks = await Promise.all(
        mondays.map((monday) =>
          memoJsonItems(cache, `occurrences-week:${key}:${monday}`, (writer) =>
            writeWeek(sessionStore, filter, monday, writer),
          ),
        ),
      );
      // One answer shows one state of the data: gather again if a write came meanwhile.
      if (cache.version() !== version && attempt < WRITES_TOLERATED) continue;
      const runs: ItemRun[] = weeks.map(({ items, extra: dayStarts }, i) => {
        const monday = mondays[i] ?? q.from;
        const first = Math.max(0, daysBetween(monday, q.from));
        const last = Math.min(6, daysBetween(monday, q.to));
        return { items, from: dayStarts[first] ?? 0, to: dayStarts[last + 1] ?? items.count };
      });
      return sendJsonList(c, createJsonList('occurrences', runs, { perRequest: true }), q);
    }
  });
}
