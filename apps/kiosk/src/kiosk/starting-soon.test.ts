import type { Session, Venue } from '@fiveways/shared';
import { buildOccurrences } from '@fiveways/shared/build-occurrences';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { startingSoon, startsSomething } from './starting-soon.ts';

const HUB: Venue = {
  slug: 'warndon-hub',
  name: 'Warndon Hub',
  areaSlug: 'warndon',
  isHub: true,
  address: '',
  postcode: '',
  address1: '',
  city: 'Worcester',
  stateProvince: 'Worcestershire',
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
};

function session(id: number, overrides: Partial<Session>): Session {
  return {
    id,
    uid: `s${id}`,
    title: `Session ${id}`,
    venue: { slug: HUB.slug, name: HUB.name, areaSlug: HUB.areaSlug },
    ways: ['keep-learning'],
    startDate: '2027-01-26',
    startTime: '10:00',
    endTime: '12:00',
    repeat: { every: 'week', interval: 1, days: ['tue'] },
    until: null,
    count: 5,
    skipBankHolidays: false,
    skipSchoolHolidays: false,
    schoolHolidays: [],
    kind: 'course',
    booking: 'book',
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
    updatedAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

const TODAY = '2026-12-01';
const NOW = Date.parse('2026-12-01T16:00:00Z');

describe('Starting soon', () => {
  const course = session(1, { title: 'Healthy living course' });
  const weekly = session(2, { kind: 'group', count: null, startDate: '2026-01-06' });
  const oneOff = session(3, { kind: 'event', repeat: null, count: null, startDate: '2026-12-17' });
  const farOff = session(4, { startDate: '2027-06-01' });
  const begun = session(5, { startDate: '2026-11-03' });

  it('is courses, one-offs and runs with an end that start from today on', () => {
    expect(startsSomething(course, TODAY)).toBe(true);
    expect(startsSomething(oneOff, TODAY)).toBe(true);
    expect(startsSomething(weekly, TODAY)).toBe(false);
    expect(startsSomething(begun, TODAY)).toBe(false);
    expect(startsSomething({ ...course, status: 'archived' }, TODAY)).toBe(false);
  });

  it('lists the first date of each, in start order, as far as three months ahead', () => {
    const found = startingSoon(
      [course, weekly, oneOff, farOff, begun],
      [HUB],
      buildOccurrences,
      NO_FILTERS,
      TODAY,
      NOW,
    );
    expect(found.map((o) => [o.title, o.date])).toEqual([
      ['Session 3', '2026-12-17'],
      ['Healthy living course', '2027-01-26'],
    ]);
  });

  it('honours the other choices', () => {
    expect(
      startingSoon([course], [HUB], buildOccurrences, { ...NO_FILTERS, way: 'give' }, TODAY, NOW),
    ).toEqual([]);
  });
});
