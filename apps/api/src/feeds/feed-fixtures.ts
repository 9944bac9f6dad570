// Hand-built sessions and venues for the feed tests and golden files: every kind of rule, both
// 2027 clock changes, a cancellation, a move to another venue, a bank-holiday skip and hard text.

import type { Session, Venue } from '@fiveways/shared';
import type { FeedWindow } from './feed-window.ts';

export const FIXED_PUBLIC_URL = 'https://fiveways.example.org';
/** "Today" for the fixtures: the window then spans both 2027 clock changes. */
export const FIXED_TODAY = '2027-02-01';
export const FIXED_WINDOW: FeedWindow = { from: '2027-01-04', to: '2028-02-01' };

export const VENUES: Venue[] = [
  {
    slug: 'warndon-hub',
    name: 'Warndon Community Hub',
    areaSlug: 'warndon',
    isHub: true,
    address: 'Shap Drive, Warndon, Worcester',
    postcode: 'WR4 9NX',
    address1: '',
    city: '',
    stateProvince: '',
    country: 'GB',
    latitude: 52.2041,
    longitude: -2.1812,
    phone: '01905 000001',
    accessibility: {
      stepFree: true,
      hearingLoop: true,
      accessibleToilet: true,
      parking: false,
      babyChange: true,
      notes: 'Ramp at the side door; ring the bell.',
    },
  },
  {
    slug: 'gorse-hill-hub',
    name: 'Gorse Hill Community Centre',
    areaSlug: 'gorse-hill',
    isHub: true,
    address: 'Gorse Hill Road, Worcester',
    postcode: 'WR4 9AB',
    address1: '',
    city: '',
    stateProvince: '',
    country: 'GB',
    latitude: 52.1989,
    longitude: -2.1934,
    phone: '',
    accessibility: {
      stepFree: true,
      hearingLoop: false,
      accessibleToilet: true,
      parking: true,
      babyChange: false,
      notes: '',
    },
  },
  {
    slug: 'rainbow-hill-church',
    name: 'St Barnabas Church Hall',
    areaSlug: 'rainbow-hill',
    isHub: false,
    address: 'Church Road, Rainbow Hill, Worcester',
    postcode: 'WR3 8NF',
    address1: '',
    city: '',
    stateProvince: '',
    country: 'GB',
    latitude: null,
    longitude: null,
    phone: '',
    accessibility: {
      stepFree: false,
      hearingLoop: false,
      accessibleToilet: false,
      parking: false,
      babyChange: false,
      notes: '',
    },
  },
];

function venueRef(slug: string): Session['venue'] {
  const v = VENUES.find((x) => x.slug === slug);
  if (v === undefined) throw new Error(`no fixture venue ${slug}`);
  return { slug: v.slug, name: v.name, areaSlug: v.areaSlug };
}

/** A session with every field plain, changed by `fields`; the fixtures and property tests build on it. */
export function session(id: number, fields: Partial<Session> & Pick<Session, 'title'>): Session {
  return {
    id,
    uid: `session-${id}-3f2c9a@fiveways.example.org`,
    venue: venueRef('warndon-hub'),
    ways: ['connect'],
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '12:00',
    repeat: null,
    until: null,
    count: null,
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    schoolHolidays: [],
    kind: 'group',
    booking: 'drop-in',
    bookingInfo: '',
    cost: { free: true, text: '' },
    audiences: [],
    description: '',
    whatToExpect: '',
    accessibility: '',
    contact: { name: '', phone: '', email: '', website: '' },
    group: null,
    exceptions: [],
    status: 'active',
    sequence: 0,
    updatedAt: '2026-12-01T09:15:00.000Z',
    ...fields,
  };
}

/** Weekly on Tuesdays across both clock changes; cancelled once in BST, moved once in GMT. */
export const WEEKLY_TALK = session(1, {
  title: 'Time to Talk',
  ways: ['connect', 'give'],
  kind: 'drop-in',
  startDate: '2026-09-01',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
  description: 'A friendly face to chat and listen, run by residents for residents.',
  whatToExpect: 'Tea, a chat and news of what is on nearby. Come as you are.',
  contact: { name: 'Sam', phone: '01905 111222', email: 'talk@example.org', website: '' },
  exceptions: [
    {
      date: '2027-03-30',
      kind: 'cancelled',
      reason: 'Staff unavailable',
      newDate: null,
      startTime: null,
      endTime: null,
      venueSlug: null,
    },
    {
      date: '2027-11-02',
      kind: 'changed',
      reason: 'The hub is being painted',
      newDate: null,
      startTime: '13:00',
      endTime: '15:00',
      venueSlug: 'gorse-hill-hub',
    },
  ],
  sequence: 4,
  updatedAt: '2027-01-20T16:45:12.000Z',
});

/** The five-week lifestyle course: exactly five Thursdays. */
export const FIVE_WEEK_COURSE = session(2, {
  title: 'Living Well: five weeks of practical help',
  ways: ['keep-learning', 'be-active'],
  kind: 'course',
  venue: venueRef('gorse-hill-hub'),
  startDate: '2027-02-04',
  startTime: '18:00',
  endTime: '19:30',
  repeat: { every: 'week', interval: 1, days: ['thu'] },
  count: 5,
  booking: 'book',
  bookingInfo: 'Call 01905 222333 to book a place.',
  cost: { free: false, text: '£2 a session' },
  description: 'Cheap healthy recipes, coping with stress and more, from local providers.',
  sequence: 1,
  updatedAt: '2027-01-10T12:00:00.000Z',
});

/** Monthly on the last Friday, ending with the year. */
export const MONTHLY_LAST_FRIDAY = session(3, {
  title: 'Repair Café',
  ways: ['give', 'keep-learning'],
  venue: venueRef('rainbow-hill-church'),
  startDate: '2027-01-29',
  startTime: '14:00',
  endTime: '16:00',
  repeat: { every: 'month', weekday: 'fri', nth: -1 },
  until: '2027-12-31',
  updatedAt: '2026-12-15T08:00:00.000Z',
});

/** A one-off open day in summer time. */
export const ONE_OFF = session(4, {
  title: 'Summer open day',
  ways: ['connect', 'be-active', 'take-notice'],
  kind: 'event',
  startDate: '2027-06-12',
  startTime: '11:00',
  endTime: '15:00',
  updatedAt: '2027-01-02T10:00:00.000Z',
});

/** Weekly on Mondays, not on bank holidays (Easter Monday, May Days, August, Christmas). */
export const BANK_HOLIDAY_SKIP = session(5, {
  title: 'Chair yoga',
  ways: ['be-active', 'take-notice'],
  startDate: '2027-01-04',
  startTime: '09:30',
  endTime: '10:30',
  repeat: { every: 'week', interval: 1, days: ['mon'] },
  skipBankHolidays: true,
  cost: { free: true, text: 'donations welcome' },
  updatedAt: '2026-12-20T11:30:00.000Z',
});

/** Text that tests escaping and folding: punctuation, backslashes, newlines, emoji, Polish, Urdu. */
export const HARD_TEXT = session(6, {
  title: 'Café, chat; and \\ more — 😀 Spotkanie przy kawie / کافی اور گپ شپ',
  ways: ['connect'],
  venue: venueRef('gorse-hill-hub'),
  startDate: '2027-01-06',
  startTime: '15:00',
  endTime: '16:30',
  repeat: { every: 'week', interval: 2, days: ['wed', 'fri'] },
  description:
    'Zażółć gęślą jaźń — rozmowy po polsku, po angielsku i w urdu.\n' +
    'ہر کوئی خوش آمدید ہے، چائے اور بسکٹ مفت ہیں۔ 🫖🍪👩🏽‍🤝‍👩🏻\n' +
    'Bring a friend; bring a neighbour, too. Paths like C:\\Users\\Public are fine.',
  whatToExpect: 'A warm room, 10 to 20 people; interpreters on request.',
  contact: { name: 'Ania', phone: '', email: '', website: 'https://example.org/cafe?a=1,2;b=3' },
  updatedAt: '2027-01-18T18:05:00.000Z',
});

/** A cancelled one-off: the event itself is cancelled. */
export const CANCELLED_ONE_OFF = session(7, {
  title: 'Blood pressure checks',
  ways: ['take-notice'],
  kind: 'clinic',
  venue: venueRef('rainbow-hill-church'),
  startDate: '2027-04-14',
  startTime: '10:00',
  endTime: '13:00',
  exceptions: [
    {
      date: '2027-04-14',
      kind: 'cancelled',
      reason: 'Venue closed',
      newDate: null,
      startTime: null,
      endTime: null,
      venueSlug: null,
    },
  ],
  sequence: 2,
  updatedAt: '2027-01-25T09:00:00.000Z',
});

/** Outside the window: left out of every feed. */
export const PAST_ONE_OFF = session(8, {
  title: 'Last autumn’s fair',
  startDate: '2026-10-10',
  updatedAt: '2026-10-11T10:00:00.000Z',
});

/** Archived: left out of every feed. */
export const ARCHIVED = session(9, {
  title: 'Old knitting group',
  startDate: '2026-01-07',
  repeat: { every: 'week', interval: 1, days: ['wed'] },
  status: 'archived',
  updatedAt: '2026-11-30T10:00:00.000Z',
});

export const ALL_SESSIONS: Session[] = [
  WEEKLY_TALK,
  FIVE_WEEK_COURSE,
  MONTHLY_LAST_FRIDAY,
  ONE_OFF,
  BANK_HOLIDAY_SKIP,
  HARD_TEXT,
  CANCELLED_ONE_OFF,
  PAST_ONE_OFF,
  ARCHIVED,
];
