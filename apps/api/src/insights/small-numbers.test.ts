import { describeCount } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { publishCell, publishTotal } from './small-numbers.ts';

describe('the small-number rule', () => {
  it('hides every count under 5, zero included', () => {
    for (const n of [0, 1, 2, 3, 4]) expect(publishCell(n)).toEqual({ atLeast: 0, below: 5 });
    expect(publishCell(5)).toBe(5);
    expect(describeCount(publishCell(3))).toBe('fewer than 5');
  });

  it('gives a total exactly when every cell in it is shown', () => {
    expect(publishTotal([5, 12, 40])).toBe(57);
  });

  it('gives a total that holds a hidden cell only as far as the shown cells go', () => {
    // 40 + 12 shown, 3 hidden: subtracting the shown cells from the total must not give 3.
    const total = publishTotal([40, 12, 3]);
    expect(total).toEqual({ atLeast: 52, below: 57 });
    expect(describeCount(total)).toBe('at least 52');
    // The same published cells with any hidden value give the same total.
    expect(publishTotal([40, 12, 0])).toEqual(total);
    expect(publishTotal([40, 12, 4])).toEqual(total);
  });

  it('keeps a total of hidden cells hidden, however many there are', () => {
    expect(publishTotal([1, 2, 4])).toEqual({ atLeast: 0, below: 13 });
    expect(describeCount(publishTotal([1, 2, 4]))).toBe('fewer than 13');
    expect(publishTotal([])).toEqual({ atLeast: 0, below: 5 });
  });
});
