// A stored session in the shape staff send it, and which edits move its schedule.
import type { Session, SessionInput } from '@fiveways/shared';

/** The fields of a stored session in the shape staff send them. */
export function sessionToInput(session: Session): SessionInput {
  return {
    title: session.title,
    venue: session.venue.slug,
    ways: session.ways,
    startDate: session.startDate,
    startTime: session.startTime,
    endTime: session.endTime,
    repeat: session.repeat,
    until: session.until,
    count: session.count,
    skipBankHolidays: session.skipBankHolidays,
    skipSchoolHolidays: session.skipSchoolHolidays,
    kind: session.kind,
    booking: session.booking,
    bookingInfo: session.bookingInfo,
    cost: session.cost,
    audiences: session.audiences,
    description: session.description,
    whatToExpect: session.whatToExpect,
    accessibility: session.accessibility,
    contact: session.contact,
    group: session.group,
    translations: session.translations ?? {},
  };
}

/** Fields whose change alters when or where occurrences happen: calendars must re-read them. */
const SCHEDULE_FIELDS = [
  'venue',
  'startDate',
  'startTime',
  'endTime',
  'repeat',
  'until',
  'count',
  'skipBankHolidays',
  'skipSchoolHolidays',
] as const satisfies readonly (keyof SessionInput)[];

/** True when the change moves the schedule (time, rule or venue), so SEQUENCE must rise. */
export function changesSchedule(before: SessionInput, after: SessionInput): boolean {
  return SCHEDULE_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
