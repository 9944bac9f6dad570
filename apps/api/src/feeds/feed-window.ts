// The dates a feed covers and the Last-Modified it sends, both worked out from the clock's reading
// alone, so they can be tested without a server.

import {
  addDays,
  dayNumberOf,
  fromDayNumber,
  londonDateOf,
  splitDate,
  toUtcDate,
} from '@fiveways/shared';

/** Inclusive local dates. */
export interface FeedWindow {
  from: string;
  to: string;
}

/** Past days a feed still shows, so last month's cancellations stay readable. */
const DAYS_BEFORE = 28;

/** From four weeks before today to the same day a year ahead, in London dates. */
export function feedWindow(now: Date): FeedWindow {
  const today = londonDateOf(now);
  const { year, month, day } = splitDate(today);
  return {
    from: addDays(today, -DAYS_BEFORE),
    to: fromDayNumber(dayNumberOf(year + 1, month, day)),
  };
}

/**
 * A feed's Last-Modified: the latest write to anything feeds show (null for an empty database),
 * or the start of the window's today (London midnight) if that is later, since the window moves
 * with the date. So If-Modified-Since never gets a wrong 304.
 */
export function feedLastModified(latestWrite: string | null, window: FeedWindow): Date | null {
  if (latestWrite === null) return null;
  const today = toUtcDate(addDays(window.from, DAYS_BEFORE), '00:00');
  const written = new Date(latestWrite);
  return written > today ? written : today;
}
