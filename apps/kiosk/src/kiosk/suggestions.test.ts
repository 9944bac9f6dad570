import type { Occurrence, Venue } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { datedSearch, nearestAreas, suggestAlternatives } from './suggestions.ts';

function occurrence(overrides: Partial<Occurrence>): Occurrence {
  return {
    sessionId: 1,
    title: 'Walk',
    date: '2026-12-01',
    start: '2026-12-01T10:00:00+00:00',
    end: '2026-12-01T11:00:00+00:00',
    status: 'scheduled',
    cancelReason: null,
    changed: false,
    venue: { slug: 'warndon-hub', name: 'Warndon Hub', areaSlug: 'warndon' },
    ways: ['be-active'],
    kind: 'group',
    booking: 'drop-in',
    free: true,
    audiences: [],
    group: null,
    ...overrides,
  };
}

function venue(slug: string, areaSlug: string, latitude: number, longitude: number): Venue {
  return {
    slug,
    name: slug,
    areaSlug,
    isHub: true,
    address: '',
    postcode: '',
    address1: '',
    city: 'Worcester',
    stateProvince: 'Worcestershire',
    country: 'GB',
    latitude,
    longitude,
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

// Warndon Villages is next door to Warndon; St John's is across the river.
const VENUES = [
  venue('st-johns-hub', 'st-johns', 52.19, -2.245),
  venue('warndon-hub', 'warndon', 52.21, -2.17),
  venue('lyppard-hub', 'warndon-villages', 52.205, -2.155),
];

// Tuesday 1 December 2026, 16:00: the morning walk in Warndon is over.
const TODAY = '2026-12-01';
const NOW = Date.parse('2026-12-01T16:00:00Z');

const morningWalk = occurrence({});
const thursdayWalk = occurrence({
  sessionId: 2,
  date: '2026-12-03',
  start: '2026-12-03T10:00:00+00:00',
  end: '2026-12-03T11:00:00+00:00',
});
const villagesYoga = occurrence({
  sessionId: 3,
  title: 'Chair yoga',
  start: '2026-12-01T18:00:00+00:00',
  end: '2026-12-01T19:00:00+00:00',
  venue: { slug: 'lyppard-hub', name: 'Lyppard Hub', areaSlug: 'warndon-villages' },
});
const stJohnsRun = occurrence({
  sessionId: 4,
  title: 'Park run',
  start: '2026-12-01T17:00:00+00:00',
  end: '2026-12-01T18:00:00+00:00',
  venue: { slug: 'st-johns-hub', name: 'St Johns Hub', areaSlug: 'st-johns' },
});
const warndonTalk = occurrence({
  sessionId: 5,
  title: 'Time to Talk',
  start: '2026-12-01T17:30:00+00:00',
  end: '2026-12-01T19:00:00+00:00',
  ways: ['connect'],
});
const ALL = [morningWalk, stJohnsRun, warndonTalk, villagesYoga, thursdayWalk];

describe('nearestAreas', () => {
  it('puts the neighbouring area first', () => {
    expect(nearestAreas('warndon', VENUES)).toEqual(['warndon-villages', 'st-johns']);
  });
});

describe('suggestAlternatives', () => {
  const search = datedSearch(ALL, TODAY, NOW);
  const chosen = { ...NO_FILTERS, way: 'be-active' as const, day: TODAY, area: 'warndon' };

  it('finds nothing for Be Active today in Warndon once the morning walk has ended', () => {
    expect(search(chosen)).toEqual([]);
  });

  it('offers the next date, the neighbouring area, and the same day any way, nearest first', () => {
    const found = suggestAlternatives(chosen, search, ALL, VENUES, TODAY, NOW);
    expect(found.map((s) => [s.relaxes, s.first.title, s.count])).toEqual([
      ['day', 'Walk', 1],
      ['area', 'Chair yoga', 1],
      ['way', 'Time to Talk', 1],
    ]);
    // Each changes one choice only.
    expect(found[0]?.filters).toEqual({ ...chosen, day: '2026-12-03' });
    expect(found[1]?.filters).toEqual({ ...chosen, area: 'warndon-villages' });
    expect(found[2]?.filters).toEqual({ ...chosen, way: null });
  });

  it('suggests letting go of who it is for, free only and drop-in only', () => {
    const paid = occurrence({
      sessionId: 6,
      start: '2026-12-01T18:00:00+00:00',
      end: '2026-12-01T19:00:00+00:00',
      free: false,
      booking: 'book',
      audiences: ['older-people'],
    });
    const strict = {
      ...NO_FILTERS,
      day: TODAY,
      audience: 'young-people' as const,
      freeOnly: true,
      dropInOnly: true,
    };
    const only = datedSearch([paid], TODAY, NOW);
    expect(
      suggestAlternatives(strict, only, [paid], VENUES, TODAY, NOW).map((s) => s.relaxes),
    ).toEqual([]);
    const twoOff = { ...strict, audience: null, freeOnly: false };
    expect(
      suggestAlternatives(twoOff, only, [paid], VENUES, TODAY, NOW).map((s) => s.relaxes),
    ).toEqual(['dropInOnly']);
  });

  it('offers nothing when nothing is close', () => {
    expect(
      suggestAlternatives(
        { ...NO_FILTERS, way: 'give' },
        datedSearch([morningWalk], TODAY, NOW),
        [morningWalk],
        VENUES,
        TODAY,
        NOW,
      ),
    ).toEqual([]);
  });
});
