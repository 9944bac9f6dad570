import type { Occurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { filterOccurrences, NO_FILTERS, notEnded, weekDays } from './filters.ts';

function occurrence(overrides: Partial<Occurrence>): Occurrence {
  return {
    sessionId: 1,
    title: 'Time to Talk',
    date: '2027-03-29',
    start: '2027-03-29T10:00:00+01:00',
    end: '2027-03-29T12:00:00+01:00',
    status: 'scheduled',
    cancelReason: null,
    changed: false,
    venue: { slug: 'gorse-hill-hub', name: 'Gorse Hill Hub', areaSlug: 'gorse-hill' },
    ways: ['connect'],
    kind: 'drop-in',
    booking: 'drop-in',
    free: true,
    audiences: ['adults'],
    group: null,
    ...overrides,
  };
}

describe('filterOccurrences', () => {
  const today = '2027-03-29';
  const talk = occurrence({});
  const walk = occurrence({
    sessionId: 2,
    title: 'Walk',
    start: '2027-03-31T09:00:00+01:00',
    end: '2027-03-31T10:00:00+01:00',
    ways: ['be-active'],
    venue: { slug: 'warndon-hub', name: 'Warndon Hub', areaSlug: 'warndon' },
    booking: 'book',
    free: false,
    audiences: ['older-people'],
  });
  const nextWeek = occurrence({ sessionId: 3, start: '2027-04-05T10:00:00+01:00' });
  const all = [talk, walk, nextWeek];

  it('keeps only this week (today and six days on)', () => {
    expect(filterOccurrences(all, NO_FILTERS, today)).toEqual([talk, walk]);
  });

  it('applies way, day, area, venue, audience, free and drop-in choices together', () => {
    expect(filterOccurrences(all, { ...NO_FILTERS, way: 'be-active' }, today)).toEqual([walk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, day: '2027-03-31' }, today)).toEqual([walk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, area: 'gorse-hill' }, today)).toEqual([talk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, venue: 'warndon-hub' }, today)).toEqual([walk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, audience: 'adults' }, today)).toEqual([talk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, freeOnly: true }, today)).toEqual([talk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, dropInOnly: true }, today)).toEqual([talk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, way: 'give' }, today)).toEqual([]);
  });

  it('counts a session with no audience as open to anyone', () => {
    const open = occurrence({ audiences: [] });
    expect(filterOccurrences([open], { ...NO_FILTERS, audience: 'young-people' }, today)).toEqual([
      open,
    ]);
  });

  it('drops what has already ended', () => {
    expect(notEnded([talk], Date.parse('2027-03-29T11:30:00Z'))).toEqual([]);
    expect(notEnded([talk], Date.parse('2027-03-29T10:30:00Z'))).toEqual([talk]);
  });

  it('lists seven days across the clock change', () => {
    expect(weekDays('2027-03-26')).toEqual([
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
    ]);
  });
});
