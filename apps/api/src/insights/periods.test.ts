import { describe, expect, it } from 'vitest';
import {
  bucketsOf,
  daysOfMonthIn,
  describeBucket,
  pieceEndOf,
  pieceStartOf,
  widenToPieces,
} from './periods.ts';

describe('time pieces', () => {
  it('are Monday-to-Sunday weeks cut at month ends', () => {
    // 1 Nov 2026 is a Sunday, 30 Nov a Monday.
    expect(pieceStartOf('2026-11-01')).toBe('2026-11-01');
    expect(pieceEndOf('2026-11-01')).toBe('2026-11-01');
    expect(pieceStartOf('2026-11-04')).toBe('2026-11-02');
    expect(pieceEndOf('2026-11-04')).toBe('2026-11-08');
    expect(pieceEndOf('2026-11-30')).toBe('2026-11-30');
    expect(pieceStartOf('2026-12-02')).toBe('2026-12-01');
  });

  it('widen any range to whole pieces, so a day always counts in the same piece', () => {
    expect(widenToPieces('2026-11-04', '2026-11-19')).toEqual({
      from: '2026-11-02',
      to: '2026-11-22',
    });
    expect(widenToPieces('2026-11-30', '2026-12-02')).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
    });
  });

  it('group into week and month buckets that never cross a month end', () => {
    expect(bucketsOf('2026-11-23', '2026-12-13', 'week')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-01',
      '2026-12-07',
    ]);
    expect(bucketsOf('2026-10-01', '2026-12-06', 'month')).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(describeBucket('2026-11-02', 'week')).toBe('2–8 Nov 2026');
    expect(describeBucket('2026-11-30', 'week')).toBe('30 Nov 2026');
    expect(describeBucket('2026-11', 'month')).toBe('November 2026');
  });

  it('say how much of a month a range covers', () => {
    expect(daysOfMonthIn('2026-11', '2026-11-01', '2026-12-06')).toEqual({
      days: 30,
      partial: false,
    });
    expect(daysOfMonthIn('2026-12', '2026-11-01', '2026-12-06')).toEqual({
      days: 6,
      partial: true,
    });
  });
});
