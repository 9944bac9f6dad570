// One insights table as a spreadsheet: the row heading, a column per category, then the totals.
// Counts are written as the page shows them, so a small count is "fewer than 5" here too.
import { describeCount, isExactCount, type Count, type InsightTable } from '@fiveways/shared';
import { toCsv } from '../http/csv.ts';

function cellOf(count: Count | null): string | number {
  if (count === null) return '';
  return isExactCount(count) ? count : describeCount(count);
}

export function insightTableCsv(table: InsightTable): string {
  const hasRowTotals = table.rows.some((r) => r.total !== null) || table.totals?.total != null;
  const header = [
    table.rowHeading,
    ...table.columns.map((c) => c.label),
    ...(hasRowTotals ? ['Total'] : []),
  ];
  const rows = table.rows.map((r) => [
    r.label,
    ...r.values.map(cellOf),
    ...(hasRowTotals ? [cellOf(r.total)] : []),
  ]);
  if (table.totals) {
    rows.push([
      'Total',
      ...table.totals.values.map(cellOf),
      ...(hasRowTotals ? [cellOf(table.totals.total)] : []),
    ]);
  }
  return toCsv(header, rows);
}
