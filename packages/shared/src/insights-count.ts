// How the insights show a count. Counts under 5 are never sent as numbers: a small count, and any
// total that includes one, travels as a range, so no one can work a small number out by subtraction.
// Free of zod, so the server's CSV and the staff page word a count the same way.

/** Counts below this are never shown as numbers. */
export const SMALL_COUNT_BELOW = 5;

/**
 * A count: a whole number (5 or more), or a range when a small count is hidden in it: at least
 * `atLeast` and below `below`. A single small count is `{ atLeast: 0, below: 5 }`.
 */
export type Count = number | { atLeast: number; below: number };

export function isExactCount(count: Count): count is number {
  return typeof count === 'number';
}

/** "143", "fewer than 5", "at least 40". */
export function describeCount(count: Count): string {
  if (isExactCount(count)) return count.toLocaleString('en-GB');
  if (count.atLeast === 0) return `fewer than ${count.below}`;
  return `at least ${count.atLeast.toLocaleString('en-GB')}`;
}

/** The lowest the count can be, for sorting and comparing. */
export function lowestOf(count: Count): number {
  return isExactCount(count) ? count : count.atLeast;
}

/** The highest the count can be. */
export function highestOf(count: Count): number {
  return isExactCount(count) ? count : count.below - 1;
}
