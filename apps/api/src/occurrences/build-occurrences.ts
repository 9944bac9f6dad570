// Turns sessions into dated occurrences for a window: pure, no database, no clock, no server zone.
import {
  expandRecurrence,
  londonSpan,
  type Occurrence,
  type OccurrenceQuery,
  type Session,
  type Venue,
} from '@fiveways/shared';

interface Timed {
  occurrence: Occurrence;
  startMs: number;
}

/**
 * Occurrences of the sessions whose actual date falls in [from, to], cancelled ones included,
 * filtered by the query and sorted by start, then title, then session id. A moved occurrence is
 * shown at, and filtered by, the venue it moved to.
 */
export function buildOccurrences(
  sessions: readonly Session[],
  venues: readonly Venue[],
  query: OccurrenceQuery,
): Occurrence[] {
  const venueBySlug = new Map(venues.map((v) => [v.slug, v]));
  const out: Timed[] = [];
  for (const session of sessions) {
    if (session.status !== 'active') continue;
    if (query.way !== undefined && !session.ways.includes(query.way)) continue;
    if (query.group !== undefined && session.group !== query.group) continue;
    if (query.audience !== undefined && !session.audiences.includes(query.audience)) continue;
    const local = expandRecurrence(
      {
        startDate: session.startDate,
        startTime: session.startTime,
        endTime: session.endTime,
        repeat: session.repeat,
        until: session.until,
        count: session.count,
        skipBankHolidays: session.skipBankHolidays,
        exceptions: session.exceptions,
      },
      query.from,
      query.to,
    );
    for (const o of local) {
      const moved = o.venueSlug === null ? undefined : venueBySlug.get(o.venueSlug);
      const venue = moved
        ? { slug: moved.slug, name: moved.name, areaSlug: moved.areaSlug }
        : session.venue;
      if (query.venue !== undefined && venue.slug !== query.venue) continue;
      if (query.area !== undefined && venue.areaSlug !== query.area) continue;
      // One meaning for times in the clock-change hour (see london-time.ts).
      const span = londonSpan(o.startDate, o.startTime, o.endTime);
      out.push({
        startMs: span.startMs,
        occurrence: {
          sessionId: session.id,
          title: session.title,
          date: o.date,
          start: span.start,
          end: span.end,
          status: o.status,
          cancelReason: o.status === 'cancelled' ? (o.reason ?? '') : null,
          changed: o.changed,
          venue,
          ways: session.ways,
          kind: session.kind,
          booking: session.booking,
          free: session.cost.free,
          audiences: session.audiences,
          group: session.group,
        },
      });
    }
  }
  out.sort(
    (a, b) =>
      a.startMs - b.startMs ||
      (a.occurrence.title < b.occurrence.title
        ? -1
        : a.occurrence.title > b.occurrence.title
          ? 1
          : 0) ||
      a.occurrence.sessionId - b.occurrence.sessionId,
  );
  return out.map((t) => t.occurrence);
}
