// "Starting soon": courses and one-off events whose first date is ahead, found in the sessions
// (not the dated window), so a five-week course starting in two months can still be reached.
import type { Occurrence, Session, Venue } from '@fiveways/shared';
import type { buildOccurrences } from '@fiveways/shared/build-occurrences';
import { addDays } from '@fiveways/shared/dates';
import { hasEnded } from '@fiveways/shared/ended';
import type { Directory } from './directory/types.ts';
import { filterOccurrences, matchesChoices, type Filters } from './filters.ts';

/** How far ahead "Starting soon" looks: about three months (the API's longest window). */
export const SOON_DAYS = 93;

/** A course, a one-off, or a run with an end: something to catch from its start. */
export function startsSomething(session: Session, today: string): boolean {
  if (session.status !== 'active' || session.startDate < today) return false;
  return (
    session.kind === 'course' ||
    session.kind === 'event' ||
    session.repeat === null ||
    session.count !== null ||
    session.until !== null
  );
}

/** The first date (not ended) of each course or one-off starting in the next three months. */
export function startingSoon(
  sessions: readonly Session[],
  venues: readonly Venue[],
  build: typeof buildOccurrences,
  filters: Filters,
  today: string,
  nowMs: number,
): Occurrence[] {
  const starting = sessions.filter((s) => startsSomething(s, today));
  if (starting.length === 0) return [];
  const all = build(starting, venues, { from: today, to: addDays(today, SOON_DAYS - 1) });
  const seen = new Set<number>();
  const firsts: Occurrence[] = [];
  for (const o of all) {
    if (seen.has(o.sessionId) || hasEnded(o, nowMs)) continue;
    seen.add(o.sessionId);
    if (matchesChoices(o, filters)) firsts.push(o);
  }
  return firsts;
}

/** What a set of choices finds in the directory: "Starting soon", or the dated occurrences. */
export function searchDirectory(
  directory: Pick<Directory, 'occurrences' | 'sessions' | 'venues' | 'buildOccurrences'>,
  today: string,
  nowMs: number,
): (filters: Filters) => Occurrence[] {
  return (filters) =>
    filters.soon
      ? startingSoon(
          directory.sessions,
          directory.venues,
          directory.buildOccurrences,
          filters,
          today,
          nowMs,
        )
      : filterOccurrences(directory.occurrences, filters, today, nowMs);
}
