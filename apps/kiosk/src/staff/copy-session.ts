// "Copy": a new session's form filled in from an existing one, to start a similar one quickly.
import { addDays, firstRuleDate, weekdayOf, type Session } from '@fiveways/shared';
import { sessionFormOf, withStartDate, type SessionForm } from './session-form.ts';

const TITLE_MAX = 120;
const COPY_SUFFIX = ' (copy)';

/**
 * The first date the copy's rule gives from tomorrow (or from the original's start, if later):
 * a weekly Tuesday session copied on a Thursday starts next Tuesday. A one-off keeps its weekday.
 */
export function nextSensibleDate(session: Session, today: string): string {
  const tomorrow = addDays(today, 1);
  const from = session.startDate > tomorrow ? session.startDate : tomorrow;
  if (session.repeat === null) {
    // A one-off in the future is copied a week on; a past one to its weekday's next date.
    if (session.startDate > today) return addDays(session.startDate, 7);
    const gap = (7 + indexOf(weekdayOf(session.startDate)) - indexOf(weekdayOf(from))) % 7;
    return addDays(from, gap);
  }
  const first = firstRuleDate({
    startDate: from,
    startTime: session.startTime,
    endTime: session.endTime,
    repeat: session.repeat,
    until: null,
    count: null,
    skipBankHolidays: session.skipBankHolidays,
    exceptions: [],
  });
  return first ?? from;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function indexOf(day: string): number {
  return DAYS.indexOf(day);
}

/** The "Add a session" form for a copy: same details, "(copy)" title, no exceptions, a new start. */
export function copiedSessionForm(session: Session, today: string): SessionForm {
  const form = sessionFormOf(session);
  const start = nextSensibleDate(session, today);
  const title = `${session.title.slice(0, TITLE_MAX - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  // An end date already passed would make the copy end before it starts.
  const ends = form.ends === 'until' && form.until < start ? 'never' : form.ends;
  const copy: SessionForm = { ...form, title, ends, until: ends === 'until' ? form.until : '' };
  // The rule keeps its own days: only its start moves.
  return { ...withStartDate(copy, start), days: form.days, weekday: form.weekday };
}
