import { describe, expect, it } from 'vitest';
import {
  describeTally,
  groupsByWay,
  orderVenues,
  sessionsAt,
  SHORT_LIST,
} from './conversation-choices.ts';

const venue = (slug: string, isHub = false) => ({ slug, name: slug, isHub });

const on = (sessionId: number, slug: string, time: string, status = 'scheduled') => ({
  sessionId,
  title: `S${sessionId}`,
  start: `2026-12-02T${time}:00+00:00`,
  status,
  venue: { slug },
});

describe('the conversation form’s choices', () => {
  it('puts the venues with sessions today first, earliest first, then hubs, then the rest', () => {
    const venues = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => venue(s, s === 'h'));
    const { short, rest } = orderVenues(venues, [
      on(1, 'f', '14:00'),
      on(2, 'c', '09:30'),
      on(3, 'f', '10:00'),
      on(4, 'b', '08:00', 'cancelled'),
    ]);
    expect(short.map((v) => v.slug)).toEqual(['c', 'f', 'h', 'a', 'b', 'd']);
    expect(short).toHaveLength(SHORT_LIST);
    expect(rest.map((v) => v.slug)).toEqual(['e', 'g']);
  });

  it('lists the sessions on at the chosen venue today, once each, by time', () => {
    const today = [
      on(1, 'f', '14:00'),
      on(2, 'c', '09:30'),
      on(3, 'f', '10:00'),
      on(1, 'f', '14:00'),
    ];
    expect(sessionsAt('f', today).map((o) => o.sessionId)).toEqual([3, 1]);
    expect(sessionsAt(null, today)).toEqual([]);
  });

  it('files each group under every way it has, by name', () => {
    const g = (slug: string, ways: string[]) => ({ slug, name: slug, ways });
    const byWay = groupsByWay([g('walk', ['be-active', 'connect']), g('choir', ['connect'])]);
    expect(byWay.connect.map((x) => x.slug)).toEqual(['choir', 'walk']);
    expect(byWay['be-active'].map((x) => x.slug)).toEqual(['walk']);
    expect(byWay.give).toEqual([]);
  });

  it('says the day’s tally, leaving out what is nought', () => {
    expect(
      describeTally({ conversations: 1, tookHome: 0, volunteering: 0, champion: 0, panel: 0 }),
    ).toBe('1 conversation');
    expect(
      describeTally({ conversations: 3, tookHome: 4, volunteering: 1, champion: 0, panel: 2 }),
    ).toBe('3 conversations · 4 taken home · 1 volunteering · 2 residents’ panel');
  });
});
