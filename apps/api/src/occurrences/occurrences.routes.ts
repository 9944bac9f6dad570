import {
  addDays,
  daysBetween,
  OccurrenceQuerySchema,
  sessionOccurrences,
  startOfWeek,
  type OccurrenceQuery,
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

/** One occurrence as the week keeps it while sorting: its sort key, its day and its JSON. */
interface Row {
  startMs: number;
  title: string;
  sessionId: number;
  /** Days after the week's Monday that it happens. */
  day: number;
  json: string;
}

/** The list's order (compareTimedOccurrences): by start, then title, then session id. */
function compareRows(a: Row, b: Row): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.sessionId - b.sessionId;
}

/**
 * One week's occurrences (Monday to Sunday, by the date they happen) for a filter, in list order,
 * written a slice of work at a time. Returns where each day's items start, and where they end.
 * Each is serialised as soon as it is found, so the week holds one string per occurrence while it
 * sorts rather than the objects it was made from (less for the garbage collector to go through).
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
  const rows: Row[] = [];
  for (const session of sessions) {
    for (const { startMs, occurrence } of sessionOccurrences(session, venues, week)) {
      // The start's local date is the date it happens.
      const day = daysBetween(monday, occurrence.start.slice(0, 10));
      const { title, sessionId } = occurrence;
      rows.push({ startMs, title, sessionId, day, json: JSON.stringify(occurrence) });
    }
    yield;
  }
  yield* sortInSlices(rows, compareRows);
  const dayStarts: number[] = [];
  rows.forEach((row, i) => {
    while (dayStarts.length <= row.day) dayStarts.push(i);
  });
  while (dayStarts.length <= 7) dayStarts.push(rows.length);
  for (const row of rows) {
    writer.add(row.json);
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
