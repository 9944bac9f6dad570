// Turns sessions into dated occurrences for a window: the one builder behind GET /api/occurrences
// and the kiosk's offline copy. Pure, no clock, no server zone, and free of zod, so the kiosk can
// load it in a small chunk of its own.
import { londonSpan } from './london-time.ts';
import type { Occurrence, OccurrenceQuery } from './occurrence.ts';
import { expandRecurrence, type LocalOccurrence } from './recurrence.ts';
import type { Session } from './session.ts';
import type { Venue } from './venue.ts';

/** The window and filters the builder honours; paging is the caller's. */
export type OccurrenceFilter = Pick<
  OccurrenceQuery,
  'from' | 'to' | 'way' | 'venue' | 'area' | 'group' | 'audience'
>;

/** An occurrence with its start instant, for sorting. */
export interface TimedOccurrence {
  occurrence: Occurrence;
  startMs: number;
}

type VenueRef = Pick<Venue, 'slug' | 'name' | 'areaSlug'>;

/** The list's order: by start, then title, then session id. */
export function compareTimedOccurrences(a: TimedOccurrence, b: TimedOccurrence): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  const [x, y] = [a.occurrence.title, b.occurrence.title];
  if (x !== y) return x < y ? -1 : 1;
  return a.occurrence.sessionId - b.occurrence.sessionId;
}

/** When an occurrence starts and ends: ISO 8601 with the UK offset, and the start in epoch ms. */
export interface OccurrenceSpan {
  start: string;
  end: string;
  startMs: number;
}

/**
 * The instants of an occurrence's wall-clock date and times: the one reading of them that the
 * API, the kiosk (online or offline) and the public pages all show.
 */
export function occurrenceSpan(
  o: Pick<LocalOccurrence, 'startDate' | 'startTime' | 'endTime'>,
): OccurrenceSpan {
  // One meaning for times in the clock-change hour (see london-time.ts).
  const { start, end, startMs } = londonSpan(o.startDate, o.startTime, o.endTime);
  return { start, end, startMs };
}

/**
 * One session's occurrences whose actual date falls in [from, to] and that match the filter,
 * unsorted: what buildOccurrences gathers for each session. `venueBySlug` holds every venue.
 */
export function sessionOccurrences(
  session: Session,
  venueBySlug: ReadonlyMap<string, VenueRef>,
  filter: OccurrenceFilter,
): TimedOccurrence[] {
  const out: TimedOccurrence[] = [];
  if (session.status !== 'active') return out;
  if (filter.way !== undefined && !session.ways.includes(filter.way)) return out;
  if (filter.group !== undefined && session.group !== filter.group) return out;
  if (filter.audience !== undefined && !session.audiences.includes(filter.audience)) return out;
  // A venue or area filter takes only sessions there or moved there for a date: skip the rest
  // before expanding them.
  const there = (slug: string | null, areaSlug: string | undefined) =>
    (filter.venue === undefined || slug === filter.venue) &&
    (filter.area === undefined || areaSlug === filter.area);
  if (
    !there(session.venue.slug, session.venue.areaSlug) &&
    !session.exceptions.some(
      (ex) => ex.venueSlug !== null && there(ex.venueSlug, venueBySlug.get(ex.venueSlug)?.areaSlug),
    )
  ) {
    return out;
  }
  const local = expandRecurrence(
    {
      startDate: session.startDate,
      startTime: session.startTime,
      endTime: session.endTime,
      repeat: session.repeat,
      until: session.until,
      count: session.count,
      skipBankHolidays: session.skipBankHolidays,
      schoolHolidays: session.schoolHolidays,
      exceptions: session.exceptions,
    },
    filter.from,
    filter.to,
  );
  for (const o of local) {
    const moved = o.venueSlug === null ? undefined : venueBySlug.get(o.venueSlug);
    const venue = moved
      ? { slug: moved.slug, name: moved.name, areaSlug: moved.areaSlug }
      : session.venue;
    if (filter.venue !== undefined && venue.slug !== filter.venue) continue;
    if (filter.area !== undefined && venue.areaSlug !== filter.area) continue;
    const span = occurrenceSpan(o);
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
  return out;
}

/**
 * Occurrences of the active sessions whose actual date falls in [from, to], cancelled ones
 * included, filtered and sorted by start, then title, then session id. A moved occurrence is shown
 * at, and filtered by, the venue it moved to. `cancelReason` is set only on a cancelled one.
 */
export function buildOccurrences(
  sessions: readonly Session[],
  venues: readonly VenueRef[],
  filter: OccurrenceFilter,
): Occurrence[] {
  const venueBySlug = new Map(venues.map((v) => [v.slug, v]));
  const out: TimedOccurrence[] = [];
  for (const session of sessions) out.push(...sessionOccurrences(session, venueBySlug, filter));
  return out.sort(compareTimedOccurrences).map((t) => t.occurrence);
}
