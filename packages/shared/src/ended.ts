// The one rule for "is this over yet?", for every list a resident sees (kiosk, phone pages, print).
// An occurrence has ended once the clock reaches its end instant, read in London time by the same
// rule as its listing (london-time.ts), so clock-change days agree with the API. Free of zod.
import { londonDateOf, londonSpan } from './london-time.ts';
import type { LocalOccurrence } from './recurrence.ts';

/** The wall-clock parts of an occurrence that fix when it ends. */
export type LocalTimes = Pick<LocalOccurrence, 'startDate' | 'startTime' | 'endTime'>;

/** True once a listed occurrence (its `end` ISO 8601 with the UK offset) has ended at `nowMs`. */
export function hasEnded(occurrence: { end: string }, nowMs: number): boolean {
  return Date.parse(occurrence.end) <= nowMs;
}

/** True once an occurrence given as a London date and wall-clock times has ended at `nowMs`. */
export function hasLocalEnded(occurrence: LocalTimes, nowMs: number): boolean {
  const { endMs } = londonSpan(occurrence.startDate, occurrence.startTime, occurrence.endTime);
  return endMs <= nowMs;
}

/** The listed occurrences that have not ended at `nowMs`, in their order. */
export function dropEnded<T extends { end: string }>(list: readonly T[], nowMs: number): T[] {
  return list.filter((o) => !hasEnded(o, nowMs));
}

/** Extra dates to ask for, so that dropping today's finished ones still leaves `n`. */
const ENDED_MARGIN = 3;

/**
 * The next `n` dates of a session that have not ended at `nowMs`, from a next-dates function
 * (recurrence.ts#nextOccurrences, passed in so the kiosk can load it in its own chunk).
 */
export function nextNotEnded<S>(
  next: (session: S, fromDate: string, n: number) => LocalOccurrence[],
  session: S,
  nowMs: number,
  n: number,
): LocalOccurrence[] {
  const today = londonDateOf(new Date(nowMs));
  return next(session, today, n + ENDED_MARGIN)
    .filter((o) => !hasLocalEnded(o, nowMs))
    .slice(0, n);
}

/** The first of a session's next dates that has not ended and is on (not cancelled), or null. */
export function nextDateOn(dates: readonly LocalOccurrence[]): LocalOccurrence | null {
  return dates.find((o) => o.status === 'scheduled') ?? null;
}
