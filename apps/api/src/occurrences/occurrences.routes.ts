import {
  addDays,
  compareTimedOccurrences,
  OccurrenceQuerySchema,
  sessionOccurrences,
  type OccurrenceQuery,
  type TimedOccurrence,
} from '@fiveways/shared';
import { Hono } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import { sortInSlices } from '../cache/slices.ts';
import { memoJsonList, sendJsonList, type JsonListWriter } from '../http/json-list.ts';
import { validQuery } from '../http/router.ts';

/**
 * Days gathered and sorted at a time: the list is built a fortnight after another, so what it
 * holds while sorting stays small however long the window asked for.
 */
const DAYS_AT_A_TIME = 14;

/** The occurrences for a query, written in order into a list, a slice of work at a time. */
function* writeOccurrences(
  sessionStore: SessionStore,
  q: OccurrenceQuery,
  writer: JsonListWriter,
): Generator<void, void, void> {
  const { sessions } = sessionStore.snapshot();
  const venues = new Map(sessionStore.venues().map((v) => [v.slug, v]));
  // Each occurrence falls in the stretch holding its actual date, and stretches are in order.
  for (let from = q.from; from <= q.to; from = addDays(from, DAYS_AT_A_TIME)) {
    const last = addDays(from, DAYS_AT_A_TIME - 1);
    const filter = { ...q, from, to: last < q.to ? last : q.to };
    const found: TimedOccurrence[] = [];
    for (const session of sessions) {
      for (const o of sessionOccurrences(session, venues, filter)) found.push(o);
      yield;
    }
    yield* sortInSlices(found, compareTimedOccurrences);
    for (const o of found) {
      writer.add(JSON.stringify(o.occurrence));
      yield;
    }
  }
}

export function occurrenceRoutes({
  cache,
  sessionStore,
}: {
  cache: ReadCache;
  sessionStore: SessionStore;
}) {
  return new Hono().get('/', validQuery(OccurrenceQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const filter = JSON.stringify([q.from, q.to, q.way, q.venue, q.area, q.group, q.audience]);
    // One list per filter until the next write, from sessions held in memory, built a slice at a
    // time; every page is cut from it, so paging through it keeps nothing more.
    const list = await memoJsonList(cache, `occurrences:${filter}`, 'occurrences', (writer) =>
      writeOccurrences(sessionStore, q, writer),
    );
    return sendJsonList(c, list, q);
  });
}
