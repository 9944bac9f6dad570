// One insights table as the accessible truth: a caption, a header row, the totals in the footer,
// every hidden small count written out as "fewer than 5".
import type { InsightTable } from '@fiveways/shared';
import { describeCount, type Count } from '@fiveways/shared/insights-count';

function CountCell({ count, label }: { count: Count | null; label: string }) {
  if (count === null) return <td />;
  return (
    <td
      class={typeof count === 'number' ? 'insight-number' : 'insight-number insight-hidden'}
      data-label={label}
    >
      {describeCount(count)}
    </td>
  );
}

function Swatch({ way, index }: { way: string | null; index: number }) {
  const colour = way === null ? `var(--series-${(index % 6) + 1})` : `var(--way-${way})`;
  return <span class="insight-swatch" style={{ background: colour }} aria-hidden="true" />;
}

export function InsightTableView({ table, swatches }: { table: InsightTable; swatches: boolean }) {
  const rowTotals = table.rows.some((r) => r.total !== null);
  return (
    // Focusable so a keyboard can scroll a wide table; named apart from the section around it.
    <div class="insight-table" role="region" aria-label={`Table: ${table.title}`} tabIndex={0}>
      <table class="table">
        {/* The section's heading shows the title; the caption names the table for screen readers. */}
        <caption class="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeading}</th>
            {table.columns.map((c, i) => (
              <th scope="col" key={c.key} class="insight-number">
                {swatches ? <Swatch way={c.way} index={i} /> : null}
                {c.label}
              </th>
            ))}
            {rowTotals ? (
              <th scope="col" class="insight-number">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + 2}>Nothing counted in this range.</td>
            </tr>
          ) : null}
          {table.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <CountCell
                  key={table.columns[i]?.key ?? i}
                  count={v}
                  label={table.columns[i]?.label ?? ''}
                />
              ))}
              {rowTotals ? <CountCell count={r.total} label="Total" /> : null}
            </tr>
          ))}
        </tbody>
        {table.totals && table.rows.length > 0 ? (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {table.totals.values.map((v, i) => (
                <CountCell
                  key={table.columns[i]?.key ?? i}
                  count={v}
                  label={table.columns[i]?.label ?? ''}
                />
              ))}
              {rowTotals ? <CountCell count={table.totals.total} label="Total" /> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
