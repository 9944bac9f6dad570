// Small date helpers for the kiosk; the shared module has more but loads later, with zod.
import { londonDateOf } from '@fiveways/shared/london-time';

/**
 * Today's date in the UK, YYYY-MM-DD, whatever zone the device is set to. Worked out with the UK
 * clock-change rule rather than Intl, whose first use costs the first screen ICU's set-up.
 */
export function londonToday(now: Date = new Date()): string {
  return londonDateOf(now);
}

export function addDaysTo(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UK wall-clock time of an API instant such as 2027-03-30T10:00:00+01:00. */
export function wallTime(instant: string): string {
  return instant.slice(11, 16);
}

/** The UK local date of an API instant. */
export function wallDate(instant: string): string {
  return instant.slice(0, 10);
}
