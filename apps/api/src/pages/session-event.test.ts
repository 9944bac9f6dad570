import type { OccurrenceException, Session, Venue } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { checkEventRichResult, readJsonLd } from './event-rich-result.ts';
import { buildSessionEvent, jsonLdScript, priceOf, type EventLd } from './session-event.ts';

const PUBLIC_URL = 'https://fiveways.example.org';
/** Monday 1 March 2027, 09:00 in London (GMT). */
const NOW = new Date('2027-03-01T09:00:00Z');

const HUB: Venue = {
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
  phone: '',
  accessibility: {
    stepFree: true,
    hearingLoop: false,
    accessibleToilet: true,
    parking: false,
    babyChange: false,
    notes: '',
  },
};
const HALL: Venue = {
  ...HUB,
  slug: 'st-barnabas',
  name: 'St Barnabas Church Hall',
  areaSlug: 'rainbow-hill',
  isHub: false,
  address: 'Church Road, Rainbow Hill, Worcester',
  postcode: '',
  address1: '',
  city: '',
  stateProvince: '',
  country: 'GB',
  latitude: null,
  longitude: null,
};
const VENUES = new Map([HUB, HALL].map((v) => [v.slug, v]));
const venue = (slug: string) => VENUES.get(slug) ?? null;

function session(fields: Partial<Session> = {}): Session {
  return {
    id: 7,
    uid: 'session-7@fiveways.example.org',
    title: 'Time to Talk',
    venue: { slug: HUB.slug, name: HUB.name, areaSlug: HUB.areaSlug },
    ways: ['connect'],
    startDate: '2027-01-05',
    startTime: '10:00',
    endTime: '12:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: null,
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    schoolHolidays: [],
    kind: 'drop-in',
    booking: 'drop-in',
    bookingInfo: '',
    cost: { free: true, text: '' },
    audiences: [],
    description: 'A friendly face to chat and listen.',
    whatToExpect: '',
    accessibility: '',
    contact: { name: '', phone: '', email: '', website: '' },
    group: null,
    exceptions: [],
    status: 'active',
    sequence: 0,
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...fields,
  };
}

function exception(fields: Partial<OccurrenceException> & { date: string }): OccurrenceException {
  return {
    kind: 'changed',
    reason: '',
    newDate: null,
    startTime: null,
    endTime: null,
    venueSlug: null,
    ...fields,
  };
}

function eventOf(s: Session, now = NOW, group: { name: string; website?: string } | null = null) {
  const event = buildSessionEvent({
    session: s,
    venue,
    group:
      group === null
        ? null
        : {
            name: group.name,
            contact: { name: '', phone: '', email: '', website: group.website ?? '' },
          },
    publicUrl: PUBLIC_URL,
    now,
  });
  if (event === null) throw new Error('no event');
  expect(checkEventRichResult(event)).toEqual([]);
  return event;
}

describe('buildSessionEvent', () => {
  it('describes a weekly session at its next date, at a place with a postal address', () => {
    const event = eventOf(session());
    expect(event).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': `${PUBLIC_URL}/sessions/7#event`,
      name: 'Time to Talk',
      description: 'A friendly face to chat and listen.',
      url: `${PUBLIC_URL}/sessions/7`,
      startDate: '2027-03-02T10:00:00+00:00',
      endDate: '2027-03-02T12:00:00+00:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Warndon Community Hub',
        address: {
          '@type': 'PostalAddress',
          streetAddress: 'Shap Drive, Warndon, Worcester',
          addressLocality: 'Worcester',
          addressRegion: 'Worcestershire',
          postalCode: 'WR4 9NX',
          addressCountry: 'GB',
        },
        geo: { '@type': 'GeoCoordinates', latitude: 52.2041, longitude: -2.1812 },
      },
      organizer: { '@type': 'Organization', name: 'Worcester Community Trust' },
      isAccessibleForFree: true,
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1W',
        byDay: ['https://schema.org/Tuesday'],
        startDate: '2027-01-05',
        startTime: '10:00:00',
        endTime: '12:00:00',
        scheduleTimezone: 'Europe/London',
      },
    } satisfies EventLd);
  });

  it('gives the offset of the date: +01:00 in summer time', () => {
    const event = eventOf(session(), new Date('2027-06-01T12:00:00Z'));
    expect(event.startDate).toBe('2027-06-08T10:00:00+01:00');
    expect(event.endDate).toBe('2027-06-08T12:00:00+01:00');
  });

  it('skips an occurrence that has ended today, but not one still going on', () => {
    expect(eventOf(session(), new Date('2027-03-02T11:59:00Z')).startDate).toBe(
      '2027-03-02T10:00:00+00:00',
    );
    expect(eventOf(session(), new Date('2027-03-02T12:00:00Z')).startDate).toBe(
      '2027-03-09T10:00:00+00:00',
    );
  });

  it('says a cancelled next date is cancelled, and leaves it out of the schedule', () => {
    const event = eventOf(
      session({ exceptions: [exception({ date: '2027-03-02', kind: 'cancelled' })] }),
    );
    expect(event.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(event.startDate).toBe('2027-03-02T10:00:00+00:00');
    expect(event.eventSchedule?.exceptDate).toEqual(['2027-03-02']);
  });

  it('says a moved next date is rescheduled, from when, and where it now is', () => {
    const event = eventOf(
      session({
        exceptions: [
          exception({
            date: '2027-03-02',
            newDate: '2027-03-03',
            startTime: '14:00',
            endTime: '15:00',
            venueSlug: HALL.slug,
          }),
        ],
      }),
    );
    expect(event.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(event.previousStartDate).toBe('2027-03-02T10:00:00+00:00');
    expect(event.startDate).toBe('2027-03-03T14:00:00+00:00');
    expect(event.location.name).toBe('St Barnabas Church Hall');
    expect(event.location.address).not.toHaveProperty('postalCode');
    expect(event.location).not.toHaveProperty('geo');
  });

  it('keeps a date that only changed place scheduled, at the new place', () => {
    const event = eventOf(
      session({ exceptions: [exception({ date: '2027-03-02', venueSlug: HALL.slug })] }),
    );
    expect(event.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(event.location.name).toBe('St Barnabas Church Hall');
    expect(event).not.toHaveProperty('previousStartDate');
  });

  it('gives a course its count, a monthly session its nth weekday, a fortnightly one P2W', () => {
    const course = eventOf(
      session({
        startDate: '2027-03-04',
        repeat: { every: 'week', interval: 1, days: ['thu'] },
        count: 5,
      }),
    );
    expect(course.eventSchedule).toMatchObject({ repeatFrequency: 'P1W', repeatCount: 5 });
    const monthly = eventOf(
      session({ repeat: { every: 'month', weekday: 'fri', nth: -1 }, until: '2027-12-31' }),
    );
    expect(monthly.eventSchedule).toMatchObject({
      repeatFrequency: 'P1M',
      byDay: ['-1FR'],
      endDate: '2027-12-31',
    });
    expect(monthly.startDate).toBe('2027-03-26T10:00:00+00:00');
    const fortnightly = eventOf(
      session({ repeat: { every: 'week', interval: 2, days: ['mon', 'wed'] } }),
    );
    expect(fortnightly.eventSchedule).toMatchObject({
      repeatFrequency: 'P2W',
      byDay: ['https://schema.org/Monday', 'https://schema.org/Wednesday'],
    });
  });

  it('has no schedule for a one-off, and no event once it is over or archived', () => {
    const oneOff = session({ repeat: null, startDate: '2027-03-10' });
    expect(eventOf(oneOff)).not.toHaveProperty('eventSchedule');
    const over = buildSessionEvent({
      session: oneOff,
      venue,
      group: null,
      publicUrl: PUBLIC_URL,
      now: new Date('2027-03-11T00:00:00Z'),
    });
    expect(over).toBeNull();
    const archived = buildSessionEvent({
      session: session({ status: 'archived' }),
      venue,
      group: null,
      publicUrl: PUBLIC_URL,
      now: NOW,
    });
    expect(archived).toBeNull();
  });

  it('offers a price in pounds when the cost says one, and is not free then', () => {
    const event = eventOf(
      session({ cost: { free: false, text: '£2.50 a session, pay on the day' } }),
    );
    expect(event.isAccessibleForFree).toBe(false);
    expect(event.offers).toEqual({
      '@type': 'Offer',
      url: `${PUBLIC_URL}/sessions/7`,
      description: '£2.50 a session, pay on the day',
      price: '2.50',
      priceCurrency: 'GBP',
    });
    const vague = eventOf(session({ cost: { free: false, text: '' } }));
    expect(vague.offers).toEqual({
      '@type': 'Offer',
      url: `${PUBLIC_URL}/sessions/7`,
      description: 'There is a charge',
    });
    expect(eventOf(session())).not.toHaveProperty('offers');
  });

  it('names the group that runs it as the organiser, with its website', () => {
    const event = eventOf(session(), NOW, {
      name: 'Warndon Walkers',
      website: 'https://walk.example',
    });
    expect(event.organizer).toEqual({
      '@type': 'Organization',
      name: 'Warndon Walkers',
      url: 'https://walk.example',
    });
    const atHall = eventOf(
      session({ venue: { slug: HALL.slug, name: HALL.name, areaSlug: HALL.areaSlug } }),
    );
    expect(atHall.organizer).toEqual({ '@type': 'Organization', name: 'St Barnabas Church Hall' });
  });
});

describe('priceOf', () => {
  it('reads the first amount in pounds', () => {
    expect(priceOf('£2')).toBe('2.00');
    expect(priceOf('£ 3.50 each')).toBe('3.50');
    expect(priceOf('Donations welcome')).toBeNull();
    expect(priceOf('£1 for tea, £2 with cake')).toBe('1.00');
  });
});

describe('jsonLdScript', () => {
  it('cannot be closed or commented by the text inside it, and reads back the same', () => {
    const title = '</script><script>alert(1)</script><!-- & \u2028 --> ';
    const script = jsonLdScript({ name: title });
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(script).not.toContain('<!--');
    expect(script).toContain('\\u003c/script\\u003e');
    expect(readJsonLd(`<head>${script}</head>`)).toEqual([{ name: title }]);
  });
});
