// The clock-change hour, for warning staff before they save. On the last Sunday of March the
// clocks go from 01:00 to 02:00, so 01:00–01:59 never happens; on the last Sunday of October they
// go from 02:00 back to 01:00, so 01:00–01:59 happens twice. The service reads such times by the
// shared rule (london-time.ts: londonSpan, clockChangeClash); staff are told before it comes to
// that.

import {
  clockChangeClash,
  clockChangeDays,
  expandRecurrence,
  formatLongDate,
  fromDayNumber,
  type ClockChange,
  type Recurrence,
} from '@fiveways/shared';

export type { ClockChange } from '@fiveways/shared';

/** How far ahead the form looks for a date that meets the clock-change hour. */
const LOOK_AHEAD_YEARS = 2;

export interface ClockChangeWarning {
  date: string;
  change: ClockChange;
  /** What happens, in plain words, for the form to show before saving. */
  message: string;
}

/** A warning for each date from `from` (or the start) that meets the clock-change hour. */
export function findClockChangeWarnings(r: Recurrence, from: string): ClockChangeWarning[] {
  const start = from > r.startDate ? from : r.startDate;
  const firstYear = Number(start.slice(0, 4));
  const warnings: ClockChangeWarning[] = [];
  for (let year = firstYear; year <= firstYear + LOOK_AHEAD_YEARS; year++) {
    const { spring, autumn } = clockChangeDays(year);
    for (const day of [spring, autumn]) {
      const date = fromDayNumber(day);
      if (date < start) continue;
      for (const o of expandRecurrence(r, date, date)) {
        if (o.status === 'cancelled') continue;
        const change = clockChangeClash(o.startDate, o.startTime, o.endTime);
        if (change !== null) {
          warnings.push({ date, change, message: clockChangeMessage(date, change) });
        }
      }
    }
  }
  return warnings;
}

/** What happens to a session on a clock-change date, in plain words. */
export function clockChangeMessage(date: string, change: ClockChange): string {
  const day = formatLongDate(date);
  return change === 'spring'
    ? `On ${day} the clocks go forward at 1am: 01:00 to 01:59 does not happen that night. ` +
        'A time in that hour is moved an hour later, and the session keeps its length. ' +
        'Choose another time if you can.'
    : `On ${day} the clocks go back at 2am: 01:00 to 01:59 happens twice that night. ` +
        'The session is shown at the first of the two, and keeps its length. ' +
        'Choose another time if you can.';
}
