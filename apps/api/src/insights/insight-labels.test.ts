import { describe, expect, it } from 'vitest';
import {
  describeDayChoice,
  describeFilter,
  describeSearch,
  describeTarget,
  NO_NAMES,
  type Names,
} from './insight-labels.ts';

const NAMES: Names = {
  venues: new Map([['warndon-hub', 'Warndon Community Hub']]),
  areas: new Map([['gorse-hill', 'Gorse Hill']]),
  groups: new Map([['knit-and-natter', 'Knit and Natter']]),
  sessions: new Map([['12', 'Walk and Talk']]),
};

describe('insight labels', () => {
  it('name short-link and feed targets', () => {
    expect(describeTarget('all', NAMES)).toBe('Everything');
    expect(describeTarget('way:be-active', NAMES)).toBe('Be Active (way)');
    expect(describeTarget('venue:warndon-hub', NAMES)).toBe('Warndon Community Hub (venue)');
    expect(describeTarget('area:gorse-hill', NAMES)).toBe('Gorse Hill (area)');
    expect(describeTarget('group:knit-and-natter', NAMES)).toBe('Knit and Natter (group)');
    expect(describeTarget('session:12', NAMES)).toBe('Walk and Talk (session)');
    expect(describeTarget('session:99', NO_NAMES)).toBe('Session 99 (session)');
  });

  it('word day choices', () => {
    expect(describeDayChoice('every-sat')).toBe('on Saturdays');
    expect(describeDayChoice('sat')).toBe('on Saturday');
    expect(describeDayChoice('saturday')).toBe('on Saturday');
    expect(describeDayChoice('today')).toBe('today');
    expect(describeDayChoice('week')).toBe('this week');
    expect(describeDayChoice('soon')).toBe('starting soon');
    expect(describeDayChoice('2026-12-05')).toBe('on 5 Dec 2026');
  });

  it('word filters and the searches that found nothing', () => {
    expect(describeFilter('area:gorse-hill', NAMES)).toBe('Area: Gorse Hill');
    expect(describeFilter('audience:older-people', NAMES)).toBe('Who for: Older people');
    expect(
      describeSearch('way=be-active;day=every-sat;area=gorse-hill;audience=young-people', NAMES),
    ).toBe('Be Active on Saturdays in Gorse Hill for young people (11–19)');
    expect(describeSearch('way=;day=;area=;audience=', NAMES)).toBe('Anything');
  });
});
