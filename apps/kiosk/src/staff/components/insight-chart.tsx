// A line chart of one insights table over time, drawn with uPlot. The library (and its stylesheet)
// load only when a chart is first drawn, so no kiosk or phone page ever downloads them. The chart
// repeats the table beside it, which is the accessible version, so it is hidden from screen readers.
import type { InsightTable } from '@fiveways/shared';
import { isExactCount } from '@fiveways/shared/insights-count';
import { useEffect, useRef, useState } from 'preact/hooks';
import type UPlotClass from 'uplot';

type UPlot = typeof UPlotClass;
let library: Promise<UPlot> | undefined;

/** uPlot and its stylesheet, loaded once. */
function loadLibrary(): Promise<UPlot> {
  library ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
    .then(([m]) => m.default)
    .catch((error: unknown) => {
      library = undefined;
      throw error;
    });
  return library;
}

/** The colour of a column: its way's, from ways.css, or the next of the series colours. */
function colourOf(way: string | null, index: number): string {
  const style = getComputedStyle(document.documentElement);
  const name = way === null ? `--series-${(index % 6) + 1}` : `--way-${way}`;
  return style.getPropertyValue(name).trim() || '#1d1d1b';
}

const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

export function InsightChart({ table }: { table: InsightTable }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = box.current;
    if (target === null) return;
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | null =
      null;
    let observer: ResizeObserver | null = null;
    let gone = false;
    void loadLibrary()
      .then((uPlot) => {
        if (gone) return;
        const labels = table.rows.map((r) => r.label);
        const xs = labels.map((_, i) => i);
        const series = table.columns.map((_, c) =>
          table.rows.map((r) => {
            const value = r.values[c];
            // A hidden small count is a gap in the line, never a made-up number.
            return value !== undefined && isExactCount(value) ? value : null;
          }),
        );
        const width = () => Math.max(280, target.clientWidth);
        chart = new uPlot(
          {
            width: width(),
            height: 260,
            scales: {
              x: { time: false },
              y: { range: (_u: unknown, _min: number, max: number) => [0, Math.max(5, max * 1.1)] },
            },
            padding: [12, 40, 0, 0],
            cursor: { show: false },
            legend: { show: true, live: false },
            axes: [
              {
                incrs: [1, 2, 3, 4, 6, 8, 12],
                // Bucket labels are wide ("16–22 Nov 2026"): leave room so they never overlap.
                space: 110,
                values: (_u: unknown, splits: number[]) => splits.map((s) => labels[s] ?? ''),
              },
              { size: 56 },
            ],
            series: [
              {},
              ...table.columns.map((column, i) => ({
                label: column.label,
                stroke: colourOf(column.way, i),
                width: 2.5,
                dash: DASHES[i % DASHES.length] ?? [],
                points: { show: true, size: 6 },
                spanGaps: false,
              })),
            ],
          },
          [xs, ...series],
          target,
        );
        observer = new ResizeObserver(() => chart?.setSize({ width: width(), height: 260 }));
        observer.observe(target);
      })
      .catch((error: unknown) => {
        console.error('The chart library did not load', error);
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [table]);

  if (failed)
    return <p class="quiet">The chart could not be drawn; the table below has every number.</p>;
  return (
    <div class="insight-chart" ref={box} aria-hidden="true" data-testid={`chart-${table.id}`} />
  );
}
