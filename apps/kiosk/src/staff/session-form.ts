// The session editor's form as typed, and the pure steps from it to the API body and the preview.

import {
  clockChangeDays,
  describeRecurrence,
  formatLongDate,
  formatShortDate,
  fromDayNumber,
  isLocalDate,
  londonOffset,
  nextOccurrences,
  occurrenceSpan,
  toDayNumber,
  wallDateOf,
  wallTimeOf,
  weekdayOf,
  WEEKDAYS,
  type DateRange,
  type LocalOccurrence,
  type OccurrenceException,
  type Recurrence,
  type Repeat,
  type Session,
  type Weekday,
} from '@fiveways/shared';

export type RepeatChoice = 'once' | 'week' | 'month';
export type EndChoice = 'never' | 'until' | 'count';

/** Everything the editor shows, as strings and flags exactly as typed. */
export interface SessionForm {
  title: string;
  venue: string;
  ways: string[];
  kind: string;
  startDate: string;
  startTime: string;
  endTime: string;
  repeat: RepeatChoice;
  interval: string;
  days: Weekday[];
  weekday: Weekday;
  nth: string;
  ends: EndChoice;
  until: string;
  count: string;
  skipBankHolidays: boolean;
  skipSchoolHolidays: boolean;
  booking: string;
  bookingInfo: string;
  free: boolean;
  costText: string;
  audiences: string[];
  description: string;
  whatToExpect: string;
  accessibility: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  contactWebsite: string;
  group: string;
}

/** The API paths the editor has a place for; an error on any other path goes in the summary. */
export const SESSION_FIELD_PATHS = [
  'title',
  'venue',
  'ways',
  'kind',
  'startDate',
  'startTime',
  'endTime',
  'repeat',
  'repeat.interval',
  'repeat.days',
  'repeat.weekday',
  'repeat.nth',
  'until',
  'count',
  'skipBankHolidays',
  'skipSchoolHolidays',
  'booking',
  'bookingInfo',
  'cost',
  'cost.text',
  'audiences',
  'description',
  'whatToExpect',
  'accessibility',
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.website',
  'group',
] as const;

export function emptySessionForm(today: string, venue: string): SessionForm {
  const day = weekdayOf(today);
  return {
    title: '',
    venue,
    ways: [],
    kind: 'group',
    startDate: today,
    startTime: '10:00',
    endTime: '11:00',
    repeat: 'week',
    interval: '1',
    days: [day],
    weekday: day,
    nth: '1',
    ends: 'never',
    until: '',
    count: '',
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    booking: 'drop-in',
    bookingInfo: '',
    free: true,
    costText: '',
    audiences: [],
    description: '',
    whatToExpect: '',
    accessibility: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    contactWebsite: '',
    group: '',
  };
}

export function sessionFormOf(s: Session): SessionForm {
  const day = weekdayOf(s.startDate);
  const repeat = s.repeat;
  return {
    title: s.title,
    venue: s.venue.slug,
    ways: [...s.ways],
    kind: s.kind,
    startDate: s.startDate,
    startTime: s.startTime,
    endTime: s.endTime,
    repeat: repeat === null ? 'once' : repeat.every,
    interval: repeat?.every === 'week' ? String(repeat.interval) : '1',
    days: repeat?.every === 'week' ? [...repeat.days] : [day],
    weekday: repeat?.every === 'month' ? repeat.weekday : day,
    nth: repeat?.every === 'month' ? String(repeat.nth) : '1',
    ends: s.until !== null ? 'until' : s.count !== null && repeat !== null ? 'count' : 'never',
    until: s.until ?? '',
    count: s.count === null ? '' : String(s.count),
    skipBankHolidays: s.skipBankHolidays,
    skipSchoolHolidays: s.skipSchoolHolidays,
    booking: s.booking,
    bookingInfo: s.bookingInfo,
    free: s.cost.free,
    costText: s.cost.text,
    audiences: [...s.audiences],
    description: s.description,
    whatToExpect: s.whatToExpect,
    accessibility: s.accessibility,
    contactName: s.contact.name,
    contactPhone: s.contact.phone,
    contactEmail: s.contact.email,
    contactWebsite: s.contact.website,
    group: s.group ?? '',
  };
}

/**
 * A new start date; a rule that simply followed the old date's weekday follows the new one
 * (pick 5 Jan, a Tuesday, and "every Tuesday" comes with it).
 */
export function withStartDate(f: SessionForm, startDate: string): SessionForm {
  if (!isLocalDate(startDate)) return { ...f, startDate };
  const was = isLocalDate(f.startDate) ? weekdayOf(f.startDate) : null;
  const now = weekdayOf(startDate);
  const followsDays = f.days.length === 1 && f.days[0] === was;
  return {
    ...f,
    startDate,
    days: followsDays ? [now] : f.days,
    weekday: f.weekday === was ? now : f.weekday,
  };
}

/** A whole number when the text is one; otherwise the text, so the server names the field. */
function wholeNumberOr(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function repeatOf(f: SessionForm): unknown {
  if (f.repeat === 'once') return null;
  if (f.repeat === 'week') {
    const days = WEEKDAYS.filter((d) => f.days.includes(d));
    return { every: 'week', interval: wholeNumberOr(f.interval), days };
  }
  return { every: 'month', weekday: f.weekday, nth: wholeNumberOr(f.nth) };
}

/** The body for POST /api/sessions and PATCH /api/sessions/:id. */
export function sessionInputOf(f: SessionForm): Record<string, unknown> {
  const repeats = f.repeat !== 'once';
  return {
    title: f.title,
    venue: f.venue,
    ways: f.ways,
    kind: f.kind,
    startDate: f.startDate,
    startTime: f.startTime,
    endTime: f.endTime,
    repeat: repeatOf(f),
    until: repeats && f.ends === 'until' ? f.until : null,
    count: repeats && f.ends === 'count' ? wholeNumberOr(f.count) : null,
    skipBankHolidays: repeats && f.skipBankHolidays,
    skipSchoolHolidays: repeats && f.skipSchoolHolidays,
    booking: f.booking,
    bookingInfo: f.bookingInfo,
    cost: { free: f.free, text: f.costText },
    audiences: f.audiences,
    description: f.description,
    whatToExpect: f.whatToExpect,
    accessibility: f.accessibility,
    contact: {
      name: f.contactName,
      phone: f.contactPhone,
      email: f.contactEmail,
      website: f.contactWebsite,
    },
    group: f.group === '' ? null : f.group,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rule the form describes, or null while it is incomplete (the preview waits for it). */
export function recurrenceOf(
  f: SessionForm,
  exceptions: readonly OccurrenceException[] = [],
  schoolHolidays: readonly DateRange[] = [],
): Recurrence | null {
  if (!isLocalDate(f.startDate) || !TIME.test(f.startTime) || !TIME.test(f.endTime)) return null;
  if (f.endTime <= f.startTime) return null;
  let repeat: Repeat | null = null;
  if (f.repeat === 'week') {
    const interval = Number(f.interval);
    if (!Number.isInteger(interval) || interval < 1 || interval > 8 || f.days.length === 0) {
      return null;
    }
    repeat = { every: 'week', interval, days: WEEKDAYS.filter((d) => f.days.includes(d)) };
  } else if (f.repeat === 'month') {
    const nth = Number(f.nth);
    if (nth !== 1 && nth !== 2 && nth !== 3 && nth !== 4 && nth !== -1) return null;
    repeat = { every: 'month', weekday: f.weekday, nth };
  }
  let until: string | null = null;
  let count: number | null = null;
  if (repeat !== null && f.ends === 'until') {
    if (!isLocalDate(f.until) || f.until < f.startDate) return null;
    until = f.until;
  }
  if (repeat !== null && f.ends === 'count') {
    count = Number(f.count);
    if (!Number.isInteger(count) || count < 1 || count > 500) return null;
  }
  return {
    startDate: f.startDate,
    startTime: f.startTime,
    endTime: f.endTime,
    repeat,
    until,
    count,
    skipBankHolidays: repeat !== null && f.skipBankHolidays,
    schoolHolidays: repeat !== null && f.skipSchoolHolidays ? schoolHolidays : [],
    exceptions,
  };
}

export interface PreviewDate {
  occurrence: LocalOccurrence;
  /** Set when the clocks change between the previous date and this one. */
  clockNote: string | null;
}

/** The clock change strictly after day a and on or before day b, if any. */
function clockChangeBetween(a: string, b: string): { day: number; forward: boolean } | null {
  const lo = toDayNumber(a);
  const hi = toDayNumber(b);
  for (let year = Number(a.slice(0, 4)); year <= Number(b.slice(0, 4)); year++) {
    const { spring, autumn } = clockChangeDays(year);
    if (spring > lo && spring <= hi) return { day: spring, forward: true };
    if (autumn > lo && autumn <= hi) return { day: autumn, forward: false };
  }
  return null;
}

/**
 * The next `n` dates from `from` (or the start, if later), each with a note when the clocks
 * changed since the one before: the time stays the same on the wall clock.
 */
export function previewDates(r: Recurrence, from: string, n: number): PreviewDate[] {
  const start = from > r.startDate ? from : r.startDate;
  const list = nextOccurrences(r, start, n);
  return list.map((occurrence, i) => {
    const previous = list[i - 1];
    let clockNote: string | null = null;
    if (previous !== undefined) {
      const before = londonOffset(previous.startDate, previous.startTime);
      const after = londonOffset(occurrence.startDate, occurrence.startTime);
      const change = clockChangeBetween(previous.startDate, occurrence.startDate);
      if (before !== after && change !== null) {
        const when = formatShortDate(fromDayNumber(change.day)).replace(/ \d{4}$/, '');
        clockNote = `Clocks go ${change.forward ? 'forward' : 'back'} ${when} — still ${occurrence.startTime} local time`;
      }
    }
    return { occurrence, clockNote };
  });
}

/**
 * "Sunday 28 March 2027, 02:30–03:30": a date as residents will see it, read by the shared rule
 * (so a time in the clock-change hour shows as the API, the kiosk and the feeds give it).
 */
export function shownWhen(o: LocalOccurrence): string {
  const span = occurrenceSpan(o);
  return `${formatLongDate(wallDateOf(span.start))}, ${wallTimeOf(span.start)}–${wallTimeOf(span.end)}`;
}

/** The plain-English sentence for the rule, or a prompt while the form is incomplete. */
export function sentenceOf(r: Recurrence | null, today: string): string {
  if (r === null) return 'Fill in the date, times and repeat to see when it runs.';
  return describeRecurrence(r, { today });
}
