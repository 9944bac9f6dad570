// The sample Worcester data must pass the same schemas as staff input, hang together (every
// reference resolves) and cover what the demo relies on: every way, every audience, the three
// prototypes (Time to Talk, the five-week lifestyle group, pop-up vaccine clinics) and a full week
// of things to do for the next six months.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AUDIENCE_SLUGS,
  AreaSchema,
  GroupInputSchema,
  LocalDateSchema,
  OccurrenceExceptionSchema,
  OrganisationInputSchema,
  SessionInputSchema,
  VenueAccessibilitySchema,
  VenueSchema,
  WAY_SLUGS,
  WEEKDAYS,
  type Repeat,
} from '@fiveways/shared';

const SampleGroupSchema = z.strictObject({
  ...GroupInputSchema.shape,
  checkedAt: LocalDateSchema.nullable(),
});
const SampleSessionSchema = SessionInputSchema.safeExtend({
  exceptions: z.array(OccurrenceExceptionSchema).default([]),
});
const SampleDataSchema = z.strictObject({
  notice: z.string().min(1),
  areas: z.array(z.strictObject(AreaSchema.shape)),
  organisations: z.array(z.strictObject(OrganisationInputSchema.shape)),
  venues: z.array(
    z.strictObject({
      ...VenueSchema.shape,
      accessibility: z.strictObject(VenueAccessibilitySchema.shape),
    }),
  ),
  groups: z.array(SampleGroupSchema),
  sessions: z.array(SampleSessionSchema),
});
type SampleSession = z.infer<typeof SampleSessionSchema>;

const raw: unknown = JSON.parse(
  readFileSync(new URL('./sample-data.json', import.meta.url), 'utf8'),
);
const data = SampleDataSchema.parse(raw);

const TODAY = '2026-11-23';
const THREE_MONTHS_AGO = '2026-08-23';
/** The Sunday ending the week of 31 May 2027: the demo shows six months from today. */
const DEMO_END = '2027-06-06';
/** Bank holidays in England between the first sample date and the end of the demo window. */
const BANK_HOLIDAYS = new Set([
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
]);
// Fictional numbers Ofcom keeps for drama: 01632 960000–960999 and 07700 900000–900999.
const DRAMA_PHONE = /^(01632 960\d{3}|07700 900\d{3})$/;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string) => WEEKDAYS[(dayNumber(date) + 3) % 7] ?? 'mon'; // 1970-01-01 was a Thursday

/** The dates a monthly rule gives in one month, e.g. the 2nd Tuesday or the last Friday. */
function monthlyDate(year: number, month: number, repeat: Extract<Repeat, { every: 'month' }>) {
  const first = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const last = Date.UTC(year, month, 0) / DAY_MS;
  const matches: string[] = [];
  for (let n = first; n <= last; n++)
    if (weekdayOf(dateOf(n)) === repeat.weekday) matches.push(dateOf(n));
  return repeat.nth === -1 ? matches[matches.length - 1] : matches[repeat.nth - 1];
}

/** Every date the session's rule gives up to `to`, before bank holidays and cancellations. */
function ruleDates(session: SampleSession, to: string): string[] {
  const { repeat, startDate, until, count } = session;
  const end = until !== null && until < to ? until : to;
  const dates: string[] = [];
  if (repeat === null) return startDate <= end ? [startDate] : [];
  if (repeat.every === 'week') {
    const firstMonday = dayNumber(startDate) - ((dayNumber(startDate) + 3) % 7);
    for (let n = dayNumber(startDate); n <= dayNumber(end); n++) {
      const week = Math.floor((n - firstMonday) / 7);
      if (week % repeat.interval === 0 && repeat.days.includes(weekdayOf(dateOf(n)))) {
        dates.push(dateOf(n));
      }
    }
  } else {
    let [year, month] = [Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7))];
    for (;;) {
      const date = monthlyDate(year, month, repeat);
      if (date === undefined || date > end) break;
      if (date >= startDate) dates.push(date);
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
  }
  return count === null ? dates : dates.slice(0, count);
}

/** The dates that actually happen: rule dates less skipped bank holidays and cancellations. */
function occurrenceDates(session: SampleSession, to: string): string[] {
  const cancelled = new Set(
    session.exceptions.filter((e) => e.kind === 'cancelled').map((e) => e.date),
  );
  return ruleDates(session, to).filter(
    (d) => !cancelled.has(d) && !(session.skipBankHolidays && BANK_HOLIDAYS.has(d)),
  );
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function sessionTitled(title: string): SampleSession {
  const found = data.sessions.filter((s) => s.title === title);
  expect(found, `sessions titled ${title}`).toHaveLength(1);
  const [session] = found;
  if (session === undefined) throw new Error(`no session titled ${title}`);
  return session;
}

describe('sample Worcester data', () => {
  it('names the areas the project works in', () => {
    const areaSlugs = data.areas.map((a) => a.slug);
    expect(areaSlugs).toEqual(
      expect.arrayContaining(['gorse-hill', 'rainbow-hill', 'warndon', 'warndon-villages']),
    );
    expect(areaSlugs.length).toBeGreaterThanOrEqual(8);
  });

  it('uses every slug once', () => {
    expect(duplicates(data.areas.map((a) => a.slug))).toEqual([]);
    expect(duplicates(data.venues.map((v) => v.slug))).toEqual([]);
    expect(duplicates(data.groups.map((g) => g.slug))).toEqual([]);
  });

  it('has enough venues, several of them hubs, all in Worcester', () => {
    expect(data.venues.length).toBeGreaterThanOrEqual(8);
    expect(data.venues.filter((v) => v.isHub).length).toBeGreaterThanOrEqual(4);
    for (const venue of data.venues) {
      expect(venue.postcode, venue.slug).toMatch(/^WR[1-5] \d[A-Z]{2}$/);
      expect(venue.latitude, venue.slug).toBeGreaterThan(52.15);
      expect(venue.latitude, venue.slug).toBeLessThan(52.25);
      expect(venue.longitude, venue.slug).toBeGreaterThan(-2.3);
      expect(venue.longitude, venue.slug).toBeLessThan(-2.1);
      expect(venue.accessibility.notes, venue.slug).not.toBe('');
    }
    const stepFree = data.venues.filter((v) => v.accessibility.stepFree).length;
    expect(stepFree).toBeGreaterThan(0);
    expect(stepFree).toBeLessThan(data.venues.length);
  });

  it('resolves every reference to an area, venue or group', () => {
    const areas = new Set(data.areas.map((a) => a.slug));
    const venues = new Set(data.venues.map((v) => v.slug));
    const groups = new Set(data.groups.map((g) => g.slug));
    for (const venue of data.venues) expect(areas, venue.slug).toContain(venue.areaSlug);
    for (const group of data.groups) {
      for (const area of group.areaSlugs) expect(areas, group.slug).toContain(area);
      if (group.venueSlug !== null) expect(venues, group.slug).toContain(group.venueSlug);
    }
    for (const session of data.sessions) {
      expect(venues, session.title).toContain(session.venue);
      if (session.group !== null) expect(groups, session.title).toContain(session.group);
    }
  });

  it('lists at least 45 groups covering every way and every audience several times', () => {
    expect(data.groups.length).toBeGreaterThanOrEqual(45);
    for (const way of WAY_SLUGS) {
      expect(data.groups.filter((g) => g.ways.includes(way)).length, way).toBeGreaterThanOrEqual(6);
    }
    for (const audience of AUDIENCE_SLUGS) {
      const n = data.groups.filter((g) => g.audiences.includes(audience)).length;
      expect(n, audience).toBeGreaterThanOrEqual(4);
    }
  });

  it('mixes free and paid groups and several languages', () => {
    expect(data.groups.some((g) => g.cost.free)).toBe(true);
    expect(data.groups.some((g) => g.cost.text === '£2 a session, first one free')).toBe(true);
    const languages = new Set(data.groups.flatMap((g) => g.languages));
    for (const language of ['English', 'Polish', 'Romanian', 'Urdu', 'Punjabi']) {
      expect(languages).toContain(language);
    }
  });

  it('has groups checked lately, groups not checked for over three months and never-checked ones', () => {
    const checked = data.groups.map((g) => g.checkedAt);
    expect(checked.filter((d) => d === null).length).toBeGreaterThanOrEqual(2);
    expect(checked.filter((d) => d !== null && d < THREE_MONTHS_AGO).length).toBeGreaterThanOrEqual(
      5,
    );
    expect(checked.filter((d) => d !== null && d >= THREE_MONTHS_AGO).length).toBeGreaterThan(20);
    expect(checked.filter((d) => d !== null && d > TODAY)).toEqual([]);
  });

  it('uses only fictional phone numbers and example.org addresses', () => {
    const contacts = [...data.groups.map((g) => g.contact), ...data.sessions.map((s) => s.contact)];
    const phones = [...contacts.map((c) => c.phone), ...data.venues.map((v) => v.phone)];
    for (const phone of phones.filter((p) => p !== '')) expect(phone).toMatch(DRAMA_PHONE);
    for (const { email } of contacts.filter((c) => c.email !== '')) {
      expect(email).toMatch(/^[a-z0-9.-]+@example\.org$/);
    }
    for (const { website } of contacts.filter((c) => c.website !== '')) {
      expect(website).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('has at least 35 sessions covering every way and audience, all starting from September 2026', () => {
    expect(data.sessions.length).toBeGreaterThanOrEqual(35);
    for (const way of WAY_SLUGS) {
      expect(data.sessions.filter((s) => s.ways.includes(way)).length, way).toBeGreaterThanOrEqual(
        5,
      );
    }
    for (const audience of AUDIENCE_SLUGS) {
      const n = data.sessions.filter((s) => s.audiences.includes(audience)).length;
      expect(n, audience).toBeGreaterThanOrEqual(3);
    }
    for (const session of data.sessions) {
      expect(session.startDate >= '2026-09-01', session.title).toBe(true);
      expect(session.whatToExpect, session.title).not.toBe('');
    }
  });

  it('starts every repeating session on a date its rule gives', () => {
    for (const session of data.sessions) {
      expect(ruleDates(session, session.startDate), session.title).toEqual([session.startDate]);
    }
  });

  it('runs Time to Talk at a hub on Monday, Wednesday and Thursday mornings', () => {
    const session = sessionTitled('Time to Talk');
    expect(session.repeat).toEqual({ every: 'week', interval: 1, days: ['mon', 'wed', 'thu'] });
    expect([session.startTime, session.endTime]).toEqual(['10:00', '12:00']);
    expect(session.kind).toBe('drop-in');
    expect(session.ways).toEqual(expect.arrayContaining(['connect', 'give']));
    expect(data.venues.find((v) => v.slug === session.venue)?.isHub).toBe(true);
  });

  it('runs the Healthy Living Group as a booked course of exactly five weekly sessions', () => {
    const session = sessionTitled(
      'Healthy Living Group — for people living with a long-term condition',
    );
    expect(session.kind).toBe('course');
    expect(session.booking).toBe('book');
    expect(session.repeat).toMatchObject({ every: 'week', interval: 1 });
    expect(session.count).toBe(5);
    expect(session.startDate >= '2027-01-20' && session.startDate <= '2027-01-31').toBe(true);
    expect(occurrenceDates(session, '2027-12-31')).toHaveLength(5);
  });

  it('holds pop-up vaccine clinics every month at two hubs, plus one-off clinics', () => {
    const clinics = data.sessions.filter((s) => s.kind === 'clinic' && /vaccine/i.test(s.title));
    const monthly = clinics.filter((s) => s.repeat?.every === 'month');
    expect(monthly.map((s) => s.repeat)).toEqual(
      expect.arrayContaining([
        { every: 'month', weekday: 'tue', nth: 2 },
        { every: 'month', weekday: 'fri', nth: -1 },
      ]),
    );
    expect(new Set(monthly.map((s) => s.venue)).size).toBeGreaterThanOrEqual(2);
    const oneOffDates = clinics.filter((s) => s.repeat === null).map((s) => s.startDate);
    expect(oneOffDates.some((d) => d.startsWith('2026-12'))).toBe(true);
    expect(oneOffDates.some((d) => d.startsWith('2027-02'))).toBe(true);
  });

  it('mixes weekly, fortnightly, monthly and one-off sessions with ends and bank-holiday breaks', () => {
    const fortnightly = data.sessions.filter(
      (s) => s.repeat?.every === 'week' && s.repeat.interval === 2,
    );
    expect(fortnightly.length).toBeGreaterThanOrEqual(2);
    expect(data.sessions.filter((s) => s.repeat?.every === 'month').length).toBeGreaterThanOrEqual(
      3,
    );
    expect(data.sessions.filter((s) => s.until?.startsWith('2027')).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(data.sessions.filter((s) => s.skipBankHolidays).length).toBeGreaterThanOrEqual(5);
    expect(data.sessions.filter((s) => s.kind === 'event').length).toBeGreaterThanOrEqual(2);
  });

  it('cancels one December 2026 occurrence on a date the rule really gives', () => {
    const cancelled = data.sessions.flatMap((s) =>
      s.exceptions
        .filter((e) => e.kind === 'cancelled' && e.reason === 'Hall closed for repairs')
        .map((e) => ({ session: s, date: e.date })),
    );
    expect(cancelled).toHaveLength(1);
    const [{ session, date } = { session: undefined, date: '' }] = cancelled;
    expect(date.startsWith('2026-12')).toBe(true);
    expect(session && ruleDates(session, '2026-12-31')).toContain(date);
    expect(session && occurrenceDates(session, '2026-12-31')).not.toContain(date);
  });

  it('has at least 15 things on in every week until the end of May 2027', () => {
    expect(weekdayOf(DEMO_END)).toBe('sun');
    const perWeek = new Map<string, number>();
    for (const session of data.sessions) {
      for (const date of occurrenceDates(session, DEMO_END)) {
        if (date < TODAY) continue;
        const monday = dateOf(dayNumber(date) - ((dayNumber(date) + 3) % 7));
        perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
      }
    }
    for (let n = dayNumber(TODAY); n <= dayNumber(DEMO_END); n += 7) {
      expect(perWeek.get(dateOf(n)) ?? 0, `week of ${dateOf(n)}`).toBeGreaterThanOrEqual(15);
    }
  });
});
