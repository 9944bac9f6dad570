import { describe, expect, it } from 'vitest';
import { checkEventRichResult } from './event-rich-result.ts';

const VALID = {
  '@context': 'https://schema.org',
  '@type': 'Event',
  name: 'Chair yoga',
  startDate: '2027-03-30T10:00:00+01:00',
  endDate: '2027-03-30T11:00:00+01:00',
  location: {
    '@type': 'Place',
    name: 'Warndon Community Hub',
    address: {
      '@type': 'PostalAddress',
      streetAddress: 'Shap Drive',
      addressLocality: 'Worcester',
      addressCountry: 'GB',
    },
  },
};

/** The valid event with some properties replaced (undefined removes one). */
function withChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const event: Record<string, unknown> = { ...VALID, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete event[key];
  return event;
}

describe('checkEventRichResult', () => {
  it('passes an event with a name, a start with its offset and a place with an address', () => {
    expect(checkEventRichResult(VALID)).toEqual([]);
  });

  it.each([
    [{ name: undefined }, 'Event.name: is required'],
    [{ name: '  ' }, 'Event.name: is required'],
    [{ startDate: undefined }, 'Event.startDate: is required'],
    [{ startDate: '2027-03-30T10:00:00' }, 'Event.startDate: is required'],
    [{ startDate: '30/03/2027' }, 'Event.startDate: is required'],
    [{ endDate: '2027-03-30T09:00:00+01:00' }, 'Event.endDate: must be after the start'],
    [{ location: undefined }, 'Event.location: is required'],
    [{ location: 'Warndon' }, 'Event.location: must be of type Place'],
    [
      { location: { '@type': 'Place', name: 'Hub' } },
      'Event.location.address: must be of type PostalAddress',
    ],
    [
      {
        location: { ...VALID.location, address: { '@type': 'PostalAddress', streetAddress: 'x' } },
      },
      'Event.location.address.addressLocality: is required',
    ],
    [
      {
        location: {
          ...VALID.location,
          address: { ...VALID.location.address, addressCountry: 'United Kingdom' },
        },
      },
      'Event.location.address.addressCountry: must be a two-letter ISO 3166 code',
    ],
    [{ '@context': 'https://example.org' }, 'Event.@context: must be https://schema.org'],
    [{ eventStatus: 'Cancelled' }, 'Event.eventStatus: must be an EventStatusType'],
    [
      { previousStartDate: '2027-03-29T10:00:00+01:00' },
      'Event.previousStartDate: goes only with a rescheduled or postponed event',
    ],
    [{ eventAttendanceMode: 'InPerson' }, 'Event.eventAttendanceMode: must be an'],
    [{ isAccessibleForFree: 'yes' }, 'Event.isAccessibleForFree: must be true or false'],
    [{ startTime: '10:00' }, 'Event.startTime: is not a property of Event'],
    [{ organizer: { '@type': 'Organization' } }, 'Event.organizer.name: is required'],
    [
      { organizer: { '@type': 'Group', name: 'x' } },
      'Event.organizer.@type: must be Organization or Person',
    ],
    [{ offers: { '@type': 'Offer', price: '£2' } }, 'Event.offers.price: must be a number'],
    [
      { offers: { '@type': 'Offer', price: '2.00' } },
      'Event.offers.priceCurrency: must be a three-letter',
    ],
    [
      {
        eventSchedule: {
          '@type': 'Schedule',
          repeatFrequency: 'weekly',
          byDay: ['TU'],
          startDate: '2027-01-05',
          startTime: '10:00:00',
          endTime: '11:00:00',
        },
      },
      'Event.eventSchedule.repeatFrequency: is required',
    ],
    [
      {
        eventSchedule: {
          '@type': 'Schedule',
          repeatFrequency: 'P1W',
          byDay: ['Tuesday'],
          startDate: '2027-01-05',
          startTime: '10:00:00',
          endTime: '11:00:00',
        },
      },
      'Event.eventSchedule.byDay: must be days of the week',
    ],
    [
      {
        eventSchedule: {
          '@type': 'Schedule',
          repeatFrequency: 'P1W',
          byDay: ['TU'],
          startDate: '2027-01-05',
          startTime: '10am',
          endTime: '11:00:00',
        },
      },
      'Event.eventSchedule.startTime: must be a time',
    ],
    [
      {
        eventSchedule: {
          '@type': 'Schedule',
          repeatFrequency: 'P1M',
          byDay: '-1FR',
          startDate: '2027-01-05',
          startTime: '10:00:00',
          endTime: '11:00:00',
          repeatCount: 0,
        },
      },
      'Event.eventSchedule.repeatCount: must be a whole number of at least 1',
    ],
  ])('refuses %j: %s', (changes, expected) => {
    const problems = checkEventRichResult(withChanges(changes));
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('refuses what is not an Event at all', () => {
    expect(checkEventRichResult(null)).toEqual(['Event: must be of type Event']);
    expect(checkEventRichResult({ ...VALID, '@type': 'Place' })).toEqual([
      'Event.@type: must be Event',
    ]);
  });
});
