// Sensible starting points for staff: the first date a new session offers, and which dates are
// over (nothing to cancel or move there).
import { addDays } from '@fiveways/shared/dates';
import { londonWallTimeOf, toEpochMs } from '@fiveways/shared/london-time';

/** From this London time on, a new session starts tomorrow: nothing new is set up for tonight. */
export const LATE_IN_THE_DAY = '17:00';

/** The first date a new session offers: today in London, or tomorrow once it is 17:00 there. */
export function firstDateOffered(now: Date): string {
  const { date, time } = londonWallTimeOf(now);
  return time >= LATE_IN_THE_DAY ? addDays(date, 1) : date;
}

/** True once a date that ends at `endTime` (London) on `date` is over. */
export function isOver(date: string, endTime: string, now: Date): boolean {
  return toEpochMs(date, endTime) <= now.getTime();
}
