import {
  buildOccurrences,
  describeRecurrence,
  wallTimeOf,
  type LocalOccurrence,
  type Recurrence,
  type Session,
} from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.ts';
import { pl } from '../i18n/pl.ts';
import { ENGLISH, type PublicKey } from '../i18n/public/index.ts';
import { publicPl } from '../i18n/public/pl.ts';
import { publicRo } from '../i18n/public/ro.ts';
import { publicUr } from '../i18n/public/ur.ts';
import { ro } from '../i18n/ro.ts';
import { ur } from '../i18n/ur.ts';
import {
  bookingLabel,
  buildMapLink,
  costLabel,
  describeOccurrenceLine,
  describeRule,
} from './session-details.ts';

const session = { startTime: '10:00', endTime: '12:00' };
const POLISH = createTranslator<PublicKey>('pl', { ...pl, ...publicPl });
const ROMANIAN = createTranslator<PublicKey>('ro', { ...ro, ...publicRo });
const URDU = createTranslator<PublicKey>('ur', { ...ur, ...publicUr });
const venues = new Map([['rainbow-hill-hub', 'Rainbow Hill Hub']]);

function occurrence(overrides: Partial<LocalOccurrence>): LocalOccurrence {
  return {
    date: '2027-03-30',
    startDate: '2027-03-30',
    startTime: '10:00',
    endTime: '12:00',
    status: 'scheduled',
    reason: null,
    changed: false,
    venueSlug: null,
    ...overrides,
  };
}

describe('describeOccurrenceLine', () => {
  it('gives the long date and times of an ordinary occurrence, with no note', () => {
    expect(describeOccurrenceLine(ENGLISH, occurrence({}), session, venues)).toEqual({
      key: '2027-03-30',
      when: 'Tuesday 30 March 2027, 10:00–12:00',
      cancelled: false,
      note: null,
    });
  });

  it('marks a cancelled occurrence with its reason', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ status: 'cancelled', reason: 'Staff unavailable' }),
      session,
      venues,
    );
    expect(line.cancelled).toBe(true);
    expect(line.note).toBe('Cancelled — Staff unavailable');
  });

  it('says "Cancelled" alone when no reason was given', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ status: 'cancelled' }),
      session,
      venues,
    );
    expect(line.note).toBe('Cancelled');
  });

  it('shows a moved occurrence at its new date and time and says where it moved from', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ startDate: '2027-03-31', startTime: '13:00', endTime: '15:00', changed: true }),
      session,
      venues,
    );
    expect(line.when).toBe('Wednesday 31 March 2027, 13:00–15:00');
    expect(line.note).toBe('Moved from Tuesday 30 March 2027, 10:00–12:00');
    expect(line.key).toBe('2027-03-30');
  });

  it('says when only the time changed, and what the usual time is', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ startTime: '14:00', endTime: '15:30', changed: true }),
      session,
      venues,
    );
    expect(line.when).toBe('Tuesday 30 March 2027, 14:00–15:30');
    expect(line.note).toBe('New time (usually 10:00–12:00)');
  });

  it('names the venue an occurrence moved to', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ changed: true, venueSlug: 'rainbow-hill-hub' }),
      session,
      venues,
    );
    expect(line.note).toBe('At Rainbow Hill Hub this time');
  });

  it('says both when a date moved to another time and place', () => {
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({ startDate: '2027-03-31', changed: true, venueSlug: 'rainbow-hill-hub' }),
      session,
      venues,
    );
    expect(line.note).toBe(
      'Moved from Tuesday 30 March 2027, 10:00–12:00, at Rainbow Hill Hub this time',
    );
  });

  it('gives the times the API gives on the clock-change days', () => {
    // 01:30 on the last Sunday of March does not exist on the wall clock.
    const line = describeOccurrenceLine(
      ENGLISH,
      occurrence({
        date: '2027-03-28',
        startDate: '2027-03-28',
        startTime: '01:30',
        endTime: '03:00',
      }),
      { startTime: '01:30', endTime: '03:00' },
      venues,
    );
    expect(line.when).toMatch(/^Sunday 28 March 2027, /);
    const api = occurrenceTimesOf('2027-03-28', '01:30', '03:00');
    expect(line.when).toBe(`Sunday 28 March 2027, ${api}`);
  });

  it('reads in the page’s language', () => {
    const line = describeOccurrenceLine(
      URDU,
      occurrence({ status: 'cancelled', reason: 'Staff unavailable' }),
      session,
      venues,
    );
    // An English reason is set apart in the right-to-left sentence, so it reads the right way.
    expect(line.note).toBe('منسوخ — \u2068Staff unavailable\u2069');
    // "10:00 سے 12:00": a bare dash between two times would read 12:00–10:00 right to left.
    expect(line.when).toContain('\u206810:00\u2069 سے \u206812:00\u2069');
  });
});

/** The wall-clock times /api/occurrences gives for a date and times: its start and end. */
function occurrenceTimesOf(date: string, start: string, end: string): string {
  const built = buildOccurrences(
    [
      {
        ...SESSION,
        startDate: date,
        startTime: start,
        endTime: end,
      },
    ],
    [SESSION.venue],
    { from: date, to: date },
  )[0];
  if (built === undefined) throw new Error('no occurrence built');
  return `${wallTimeOf(built.start)}–${wallTimeOf(built.end)}`;
}

const SESSION: Session = {
  id: 1,
  uid: 'session-1',
  title: 'Night walk',
  venue: { slug: 'hub', name: 'Hub', areaSlug: 'area' },
  ways: ['be-active'],
  startDate: '2027-03-28',
  startTime: '01:30',
  endTime: '03:00',
  repeat: null,
  until: null,
  count: null,
  skipBankHolidays: false,
  skipSchoolHolidays: false,
  schoolHolidays: [],
  kind: 'event',
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
  updatedAt: '2027-01-01T00:00:00.000Z',
};

function rule(fields: Partial<Recurrence>): Recurrence {
  return {
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '12:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: null,
    skipBankHolidays: false,
    exceptions: [],
    ...fields,
  };
}

describe('describeRule', () => {
  const rules: Recurrence[] = [
    rule({}),
    rule({ repeat: { every: 'week', interval: 1, days: ['mon', 'wed', 'thu'] } }),
    rule({
      repeat: {
        every: 'week',
        interval: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      },
    }),
    rule({ repeat: { every: 'week', interval: 2, days: ['tue'] }, count: 5 }),
    rule({ repeat: { every: 'month', weekday: 'fri', nth: -1 }, until: '2027-12-31' }),
    rule({ repeat: { every: 'month', weekday: 'mon', nth: 2 }, skipBankHolidays: true }),
    rule({ repeat: { every: 'week', interval: 1, days: ['thu'] }, count: 1 }),
    rule({ repeat: null, startDate: '2027-06-12' }),
    rule({ startDate: '2028-01-04' }),
  ];

  it('says in English exactly what the staff area and the feeds say', () => {
    for (const r of rules) {
      expect(describeRule(ENGLISH, r, '2027-03-01')).toBe(
        describeRecurrence(r, { today: '2027-03-01' }),
      );
    }
  });

  it('says it in Polish, Romanian and Urdu with the days named in each', () => {
    const monthly = rules[4];
    if (monthly === undefined) throw new Error('no rule');
    expect(describeRule(POLISH, monthly, '2027-03-01')).toBe(
      'Co miesiąc, w ostatnim tygodniu: piątek, 10:00–12:00, do 31 gru 2027',
    );
    expect(describeRule(ROMANIAN, monthly, '2027-03-01')).toMatch(
      /^În fiecare lună, în ultima săptămână: vineri, 10:00–12:00, până la 31 dec\.? 2027$/,
    );
    expect(describeRule(URDU, rules[1] ?? monthly, '2027-03-01')).toBe(
      'ہر ہفتے: \u2068پیر، بدھ اور جمعرات\u2069، \u206810:00\u2069 سے \u206812:00\u2069',
    );
  });
});

describe('labels', () => {
  it('says whether to book', () => {
    expect(bookingLabel(ENGLISH, 'book')).toBe('Please book a place');
    expect(bookingLabel(ENGLISH, 'drop-in')).toBe('Just drop in, no need to book');
  });

  it('says what it costs, as the staff wrote it', () => {
    expect(costLabel(ENGLISH, { free: true, text: '' })).toBe('Free');
    expect(costLabel(ENGLISH, { free: true, text: 'donations welcome' })).toBe(
      'Free (donations welcome)',
    );
    expect(costLabel(ENGLISH, { free: false, text: '£2' })).toBe('£2');
    // Text that only restates "free" is not said twice ("Free (Free)").
    expect(costLabel(ENGLISH, { free: true, text: 'Free' })).toBe('Free');
    expect(costLabel(ENGLISH, { free: true, text: 'No charge.' })).toBe('Free');
    expect(costLabel(ENGLISH, { free: true, text: 'Free, bring a packed lunch' })).toBe(
      'Free (bring a packed lunch)',
    );
    expect(costLabel(ENGLISH, { free: false, text: '' })).toBe(
      'There is a charge: ask when you arrive',
    );
  });

  it('builds a maps search from the name, address and postcode', () => {
    expect(buildMapLink({ name: 'Hub', address: '1 High St', postcode: 'WR4 9AA' })).toBe(
      'https://www.google.com/maps/search/?api=1&query=Hub%2C%201%20High%20St%2C%20WR4%209AA',
    );
  });
});
