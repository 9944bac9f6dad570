import type { Venue } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { defaultVenueOf, venueOptionsOf } from './venue-options.ts';

function venue(slug: string, name: string, isHub: boolean): Venue {
  return {
    slug,
    name,
    areaSlug: 'warndon',
    isHub,
    address: '1 Street',
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
}

const VENUES = [
  venue('all-saints', 'All Saints Hall', false),
  venue('warndon-hub', 'Warndon Community Hub', true),
  venue('lyppard-hub', 'The Lyppard Hub', true),
  venue('church', 'Church Hall', false),
];

describe('venue choices', () => {
  it('list hubs first, marked, then the other venues', () => {
    expect(venueOptionsOf(VENUES)).toEqual([
      { value: 'lyppard-hub', label: 'The Lyppard Hub', group: 'Hubs', badge: 'Hub' },
      { value: 'warndon-hub', label: 'Warndon Community Hub', group: 'Hubs', badge: 'Hub' },
      { value: 'all-saints', label: 'All Saints Hall', group: 'Other venues' },
      { value: 'church', label: 'Church Hall', group: 'Other venues' },
    ]);
  });

  it('start a new session at the person’s own hub, or their only venue, never the first alphabetically', () => {
    expect(defaultVenueOf(VENUES, { role: 'staff', venues: ['church', 'warndon-hub'] })).toBe(
      'warndon-hub',
    );
    expect(defaultVenueOf(VENUES, { role: 'staff', venues: ['church'] })).toBe('church');
    expect(defaultVenueOf(VENUES, { role: 'admin', venues: [] })).toBe('lyppard-hub');
    expect(defaultVenueOf([], { role: 'admin', venues: [] })).toBe('');
  });
});
