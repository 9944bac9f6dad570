import { describe, expect, it } from 'vitest';
import {
  areaOfDetail,
  DAY_CHOICES,
  detailProblem,
  parseZeroResultsDetail,
  zeroResultsDetail,
} from './reach-events.ts';

describe('kiosk count details', () => {
  it('write and read a zero-results detail', () => {
    const chosen = { way: 'give', day: 'every-tue' as const, area: null, audience: 'adults' };
    const detail = zeroResultsDetail(chosen);
    expect(detail).toBe('way=give;day=every-tue;area=;audience=adults');
    expect(parseZeroResultsDetail(detail)).toEqual(chosen);
    expect(parseZeroResultsDetail('way=;day=;area=;audience=')).toEqual({
      way: null,
      day: null,
      area: null,
      audience: null,
    });
    expect(parseZeroResultsDetail('way=give;day=2026-11-24;area=;audience=')).toBeNull();
    expect(parseZeroResultsDetail('way=Give;day=;area=;audience=')).toBeNull();
  });

  it('say what is wrong with a detail, or nothing', () => {
    expect(detailProblem('visit', '')).toBeNull();
    expect(detailProblem('visit', 'kiosk-7')).toMatch(/empty/);
    expect(detailProblem('way', 'connect')).toBeNull();
    expect(detailProblem('way', 'be-happy')).toMatch(/five ways/);
    for (const day of DAY_CHOICES) expect(detailProblem('filter', `day:${day}`)).toBeNull();
    expect(detailProblem('filter', 'day:2026-11-24')).toMatch(/day choice/);
    expect(detailProblem('filter', 'area:warndon')).toBeNull();
    expect(detailProblem('filter', 'audience:everyone')).toMatch(/audience/);
    expect(detailProblem('filter', 'venue:gorse-hill-hub')).toMatch(/day:/);
    expect(detailProblem('zero-results', 'way=be-happy;day=;area=;audience=')).toMatch(/way/);
    expect(detailProblem('zero-results', 'nothing')).toMatch(/way=/);
  });

  it('find the area a detail names', () => {
    expect(areaOfDetail('filter', 'area:warndon')).toBe('warndon');
    expect(areaOfDetail('filter', 'day:today')).toBeNull();
    expect(areaOfDetail('zero-results', 'way=;day=;area=gorse-hill;audience=')).toBe('gorse-hill');
    expect(areaOfDetail('way', 'give')).toBeNull();
  });
});
