// Tables from counted facts: facts are gathered into finest cells (piece × every detail), then each
// table's numbers are added up from those cells under the small-number rule (small-numbers.ts).
import type { InsightColumn, InsightRow, InsightTable, WaySlug } from '@fiveways/shared';
import { pieceStartOf } from './periods.ts';
import { publishTotal } from './small-numbers.ts';

/** Something counted on a day, with the details that tell it apart. */
export interface Fact<D> {
  day: string;
  dims: D;
  value: number;
}

/** A finest cell: one piece of time and one combination of every detail. */
export interface Cell<D> {
  piece: string;
  dims: D;
  value: number;
}

/** Adds facts up into finest cells; `keyOf` must tell every combination of details apart. */
export function gatherCells<D>(facts: Iterable<Fact<D>>, keyOf: (dims: D) => string): Cell<D>[] {
  const cells = new Map<string, Cell<D>>();
  for (const fact of facts) {
    const piece = pieceStartOf(fact.day);
    const key = `${piece}\u0000${keyOf(fact.dims)}`;
    const cell = cells.get(key);
    if (cell) cell.value += fact.value;
    else cells.set(key, { piece, dims: fact.dims, value: fact.value });
  }
  return [...cells.values()];
}

export interface Axis {
  key: string;
  label: string;
  way?: WaySlug | null;
}

export interface TableLayout<D> {
  rows: readonly Axis[];
  columns: readonly Axis[];
  /** The row and column a cell counts in, or null to leave it out of this table. */
  place: (cell: Cell<D>) => { row: string; column: string } | null;
  /** Add rows up across columns (false when the columns measure different things). */
  rowTotals: boolean;
  /** Add columns up down the rows. */
  columnTotals: boolean;
}

type TableParts = Pick<InsightTable, 'columns' | 'rows' | 'totals'>;

/** A table's columns, rows and totals, every number published from the finest cells. */
export function layOutTable<D>(cells: readonly Cell<D>[], layout: TableLayout<D>): TableParts {
  const at = new Map<string, number[]>();
  const byRow = new Map<string, number[]>();
  const byColumn = new Map<string, number[]>();
  const all: number[] = [];
  const push = (map: Map<string, number[]>, key: string, value: number) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const rowKeys = new Set(layout.rows.map((r) => r.key));
  const columnKeys = new Set(layout.columns.map((c) => c.key));
  for (const cell of cells) {
    const spot = layout.place(cell);
    if (spot === null || !rowKeys.has(spot.row) || !columnKeys.has(spot.column)) continue;
    push(at, `${spot.row}\u0000${spot.column}`, cell.value);
    push(byRow, spot.row, cell.value);
    push(byColumn, spot.column, cell.value);
    all.push(cell.value);
  }
  const columns: InsightColumn[] = layout.columns.map((c) => ({
    key: c.key,
    label: c.label,
    way: c.way ?? null,
  }));
  const rows: InsightRow[] = layout.rows.map((r) => ({
    key: r.key,
    label: r.label,
    way: r.way ?? null,
    values: layout.columns.map((c) => publishTotal(at.get(`${r.key}\u0000${c.key}`) ?? [])),
    total: layout.rowTotals ? publishTotal(byRow.get(r.key) ?? []) : null,
  }));
  const totals = layout.columnTotals
    ? {
        values: layout.columns.map((c) => publishTotal(byColumn.get(c.key) ?? [])),
        total: layout.rowTotals ? publishTotal(all) : null,
      }
    : null;
  return { columns, rows, totals };
}
