// The clock-change hour, for warning staff before they save. On the last Sunday of March the
// clocks go from 01:00 to 02:00, so 01:00–01:59 never happens; on the last Sunday of October they
// go from 02:00 back to 01:00, so 01:00–01:59 happens twice. The service reads a start in the
// March gap an hour later, an October time that happens twice as the first, and ends each
// occurrence its planned length after it starts; staff are told before it comes to that.

import {
  clockChangeDays,
  expandRecurrence,
  formatLongDate,
  fromDayNumber,
  type Recurrence,
} from '@fiveways/shared';

export type ClockChange = 'forward' | 'back';

/**
 * Whether a date and times meet the clock-change hour (01:00–02:00 on a day the clocks change):
 * 'forward' in March, 'back' in October, null on any other day or at any other time. A session
 * that starts before 02:00 and ends at 01:00 or later meets it.
 */
export function meetsClockChangeHour(
  date: string,
  startTime: string,
  endTime: string,
): ClockChange | null {
  if (startTime >= '02:00' || endTime < '01:00') return null;
  const { spring, autumn } = clockChangeDays(Number(date.slice(0, 4)));
  if (date === fromDayNumber(spring)) return 'forward';
  if (date === fromDayNumber(autumn)) return 'back';
  return null;
}

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
        const change = meetsClockChangeHour(o.startDate, o.startTime, o.endTime);
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
  return change === 'forward'
    ? `On ${day} the clocks go forward at 1am: 01:00 to 01:59 does not happen that night. ` +
        'A time in that hour is moved an hour later, and the session keeps its length. ' +
        'Choose another time if you can.'
    : `On ${day} the clocks go back at 2am: 01:00 to 01:59 happens twice that night. ` +
        'The session is shown at the first of the two, and keeps its length. ' +
        'Choose another time if you can.';
}
