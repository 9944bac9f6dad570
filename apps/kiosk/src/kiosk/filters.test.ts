import type { Occurrence } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { aheadDays, filterOccurrences, NO_FILTERS, notEnded, weekDays } from './filters.ts';

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
  const START = Date.parse('2027-03-29T00:00:00Z');
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
    expect(filterOccurrences(all, NO_FILTERS, today, START)).toEqual([talk, walk]);
  });

  it('applies way, day, area, venue, audience, free and drop-in choices together', () => {
    expect(filterOccurrences(all, { ...NO_FILTERS, way: 'be-active' }, today, START)).toEqual([
      walk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, day: '2027-03-31' }, today, START)).toEqual([
      walk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, area: 'gorse-hill' }, today, START)).toEqual([
      talk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, venue: 'warndon-hub' }, today, START)).toEqual([
      walk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, audience: 'adults' }, today, START)).toEqual([
      talk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, freeOnly: true }, today, START)).toEqual([talk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, dropInOnly: true }, today, START)).toEqual([
      talk,
    ]);
    expect(filterOccurrences(all, { ...NO_FILTERS, way: 'give' }, today, START)).toEqual([]);
  });

  it('counts a session with no audience as open to anyone', () => {
    const open = occurrence({ audiences: [] });
    expect(
      filterOccurrences([open], { ...NO_FILTERS, audience: 'young-people' }, today, START),
    ).toEqual([open]);
  });

  it('never lists or counts what has ended: at 16:00 the morning is gone', () => {
    const afternoon = Date.parse('2027-03-29T15:00:00Z'); // 16:00 BST
    expect(filterOccurrences(all, NO_FILTERS, today, afternoon)).toEqual([walk]);
    expect(filterOccurrences(all, { ...NO_FILTERS, day: today }, today, afternoon)).toEqual([]);
  });

  it('finds every one of a weekday in the next four weeks ("Mondays")', () => {
    const later = occurrence({ sessionId: 4, start: '2027-04-19T10:00:00+01:00' });
    const tooFar = occurrence({ sessionId: 5, start: '2027-04-26T10:00:00+01:00' });
    const mondays = filterOccurrences(
      [talk, walk, nextWeek, later, tooFar],
      { ...NO_FILTERS, weekday: 'mon' },
      today,
      START,
    );
    expect(mondays).toEqual([talk, nextWeek, later]);
  });

  it('offers a date as far as four weeks ahead', () => {
    const days = aheadDays(today);
    expect(days).toHaveLength(28);
    expect(days.at(-1)).toBe('2027-04-25');
    const inFourWeeks = occurrence({ sessionId: 6, start: '2027-04-25T10:00:00+01:00' });
    expect(
      filterOccurrences([inFourWeeks], { ...NO_FILTERS, day: '2027-04-25' }, today, START),
    ).toEqual([inFourWeeks]);
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
