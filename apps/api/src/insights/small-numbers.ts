// The small-number rule, applied once for every count the insights send. Counts are first gathered
// into the finest cells (one piece of time × every detail the table holds); a cell under 5 is
// hidden. Anything bigger (a week, a month, a row or column total) is added up from those cells as
// they would be published: hidden cells add nothing to its lower bound and up to 4 each to its upper
// bound. So a total never says more than its published cells do, and subtracting shown numbers
// from it can never reveal a hidden one.
import { SMALL_COUNT_BELOW, type Count } from '@fiveways/shared';

/** One finest cell's count as it may be shown. */
export function publishCell(value: number): Count {
  return value >= SMALL_COUNT_BELOW ? value : { atLeast: 0, below: SMALL_COUNT_BELOW };
}

/** The total of some finest cells, as far as their published values allow. */
export function publishTotal(cells: readonly number[]): Count {
  let shown = 0;
  let hidden = 0;
  for (const value of cells) {
    if (value >= SMALL_COUNT_BELOW) shown += value;
    else hidden++;
  }
  // Nothing at all counted is still "fewer than 5", never a bare 0.
  if (cells.length === 0) return { atLeast: 0, below: SMALL_COUNT_BELOW };
  if (hidden === 0) return shown;
  return { atLeast: shown, below: shown + hidden * (SMALL_COUNT_BELOW - 1) + 1 };
}
