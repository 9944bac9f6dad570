// A session's timetable as Open Referral UK schedules. The UK profile's schedule carries times
// with a fixed UTC offset and no time zone, repeats only WEEKLY or MONTHLY, and has no COUNT,
// EXDATE, RDATE or single-date form. So: a repeating session is cut at every BST/GMT change into
// schedules valid between them (valid_from/valid_to), each with its own offset; a course ends
// with valid_to; a one-off is a schedule valid for one day; cancelled dates and skipped bank
// holidays are listed in notes; a moved occurrence is its own one-day schedule.
import {
  addDays,
  clockChangeDays,
  compareDates,
  describeRecurrence,
  formatLongDate,
  fromDayNumber,
  isBankHoliday,
  lastRuleDate,
  londonOffset,
  maxDate,
  minDate,
  ruleDates,
  splitDate,
  weekdayOf,
  type OccurrenceException,
  type Recurrence,
  type Weekday,
} from '@fiveways/shared';

/** An Open Referral UK schedule (schedule.json); optional fields are left out, never null. */
export interface OrukSchedule {
  id: string;
  service_id?: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  description?: string;
  opens_at?: string;
  closes_at?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

/** One schedule and the venue it is at (its service_at_location). */
export interface PlacedSchedule {
  venueSlug: string;
  schedule: OrukSchedule;
}

/** What a session's schedules are built from. */
export interface ScheduleSource extends Recurrence {
  title: string;
  venueSlug: string;
}

export interface ScheduleContext {
  /** London date today: schedules start with the clock period that holds it. */
  today: string;
  /** How far ahead repeating sessions are published. */
  horizonDays: number;
  /** The UUID of a schedule from its key parts (a session's own key is added by the caller). */
  idOf: (...key: string[]) => string;
  /** Where people can see every date and book. */
  link: string;
}

/** A time with the UK offset in force: '10:00+01:00' in summer, '10:00Z' in winter. */
function withOffset(date: string, time: string): string {
  const offset = londonOffset(date, time);
  return `${time}${offset === '+00:00' ? 'Z' : offset}`;
}

const BYDAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** The rule's WEEKLY/MONTHLY fields; a one-off is a weekly rule valid for its one day. */
function ruleFields(r: Recurrence): Pick<OrukSchedule, 'freq' | 'interval' | 'byday'> {
  const repeat = r.repeat;
  if (repeat === null) return { freq: 'WEEKLY', interval: 1, byday: BYDAY[weekdayOf(r.startDate)] };
  if (repeat.every === 'week') {
    const days = (Object.keys(BYDAY) as Weekday[]).filter((d) => repeat.days.includes(d));
    return {
      freq: 'WEEKLY',
      interval: repeat.interval,
      byday: days.map((d) => BYDAY[d]).join(','),
    };
  }
  return { freq: 'MONTHLY', interval: 1, byday: `${repeat.nth}${BYDAY[repeat.weekday]}` };
}

/** [first day, last day] of each stretch between clock changes that meets [from, to]. */
function clockPeriods(from: string, to: string): [string, string][] {
  const starts: string[] = [];
  for (let year = splitDate(from).year - 1; year <= splitDate(to).year + 1; year++) {
    const { spring, autumn } = clockChangeDays(year);
    starts.push(fromDayNumber(spring), fromDayNumber(autumn));
  }
  const periods: [string, string][] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const start = starts[i] ?? from;
    const end = addDays(starts[i + 1] ?? to, -1);
    if (compareDates(end, from) >= 0 && compareDates(start, to) <= 0) periods.push([start, end]);
  }
  return periods;
}

function dateList(dates: readonly string[]): string {
  return dates.map(formatLongDate).join(', ');
}

/** Notes for a stretch: the dates it does not happen on, and why. */
function notesFor(
  r: Recurrence,
  from: string,
  to: string,
  exceptions: readonly OccurrenceException[],
): string | undefined {
  const notes: string[] = [];
  if (r.skipBankHolidays && r.repeat !== null) {
    const skipped = ruleDates({ ...r, skipBankHolidays: false }, from, to).filter(isBankHoliday);
    if (skipped.length > 0) notes.push(`Not on bank holidays: ${dateList(skipped)}.`);
  }
  for (const e of exceptions) {
    if (compareDates(e.date, from) < 0 || compareDates(e.date, to) > 0) continue;
    const why = e.reason === '' ? '' : ` (${e.reason})`;
    if (e.kind === 'cancelled') notes.push(`Cancelled on ${formatLongDate(e.date)}${why}.`);
    else {
      notes.push(
        `${formatLongDate(e.date)} is moved to ${formatLongDate(e.newDate ?? e.date)}${why}.`,
      );
    }
  }
  return notes.length === 0 ? undefined : notes.join(' ');
}

/** The dates the rule really happens on in [from, to]: after skips, cancellations and moves. */
function heldDates(r: Recurrence, from: string, to: string): string[] {
  const gone = new Set(r.exceptions.map((e) => e.date));
  return ruleDates(r, from, to).filter((d) => !gone.has(d));
}

/**
 * Every schedule of one session from the clock period holding `today` to the horizon: a stretch
 * of the rule per period it happens in, and a one-day schedule per moved occurrence.
 */
export function sessionSchedules(s: ScheduleSource, ctx: ScheduleContext): PlacedSchedule[] {
  const out: PlacedSchedule[] = [];
  const common = {
    description: `${s.title}: ${describeRecurrence(s, { today: ctx.today })}`,
    schedule_link: ctx.link,
    attending_type: 'In person',
  };
  const rule = ruleFields(s);
  const horizon = addDays(ctx.today, ctx.horizonDays);
  const last = lastRuleDate(s);
  const end = last === null ? horizon : minDate(last, horizon);
  const periods = s.repeat === null ? [] : clockPeriods(ctx.today, end);
  for (const [pStart, pEnd] of periods) {
    const from = maxDate(pStart, s.startDate);
    const to = minDate(pEnd, end);
    if (compareDates(from, to) > 0) continue;
    const held = heldDates(s, from, to);
    const first = held[0];
    if (first === undefined) continue;
    const notes = notesFor(s, from, to, s.exceptions);
    out.push({
      venueSlug: s.venueSlug,
      schedule: {
        id: ctx.idOf(from),
        valid_from: from,
        valid_to: to,
        dtstart: s.startDate,
        ...rule,
        ...common,
        opens_at: withOffset(first, s.startTime),
        closes_at: withOffset(first, s.endTime),
        ...(notes === undefined ? {} : { notes }),
      },
    });
  }
  if (s.repeat === null && compareDates(s.startDate, ctx.today) >= 0) {
    const cancelled = s.exceptions.find((e) => e.date === s.startDate && e.kind === 'cancelled');
    const moved = s.exceptions.some((e) => e.date === s.startDate && e.kind === 'changed');
    if (!moved) {
      const notes =
        cancelled === undefined ? undefined : notesFor(s, s.startDate, s.startDate, [cancelled]);
      out.push({
        venueSlug: s.venueSlug,
        schedule: {
          id: ctx.idOf(s.startDate),
          valid_from: s.startDate,
          valid_to: s.startDate,
          dtstart: s.startDate,
          ...rule,
          ...common,
          opens_at: withOffset(s.startDate, s.startTime),
          closes_at: withOffset(s.startDate, s.endTime),
          ...(notes === undefined ? {} : { notes }),
        },
      });
    }
  }
  for (const e of s.exceptions) {
    if (e.kind !== 'changed') continue;
    const date = e.newDate ?? e.date;
    if (compareDates(date, ctx.today) < 0 || compareDates(date, horizon) > 0) continue;
    const startTime = e.startTime ?? s.startTime;
    const endTime = e.endTime ?? s.endTime;
    const why = e.reason === '' ? '' : ` (${e.reason})`;
    out.push({
      venueSlug: e.venueSlug ?? s.venueSlug,
      schedule: {
        id: ctx.idOf('moved', e.date),
        valid_from: date,
        valid_to: date,
        dtstart: date,
        freq: 'WEEKLY',
        interval: 1,
        byday: BYDAY[weekdayOf(date)],
        ...common,
        description: `${s.title}: once, on ${formatLongDate(date)}, ${startTime}–${endTime}`,
        opens_at: withOffset(date, startTime),
        closes_at: withOffset(date, endTime),
        notes: `In place of ${formatLongDate(e.date)}${why}.`,
      },
    });
  }
  return out;
}
