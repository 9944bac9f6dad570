// Reach and findings for staff and the collaborative: a month picker, a summary to copy into the
// monthly report, and for every table a chart (when it runs over time), the table itself and a CSV.
import type { InsightSummary, InsightTable, Insights } from '@fiveways/shared';
import { addDays, addMonths, monthName } from '@fiveways/shared/dates';
import { londonDateOf } from '@fiveways/shared/london-time';
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { getParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { InsightChart } from '../components/insight-chart.tsx';
import { InsightTableView } from '../components/insight-table.tsx';
import { SelectField, type Option } from '../components/form-fields.tsx';
import { LoadState, Page } from '../components/page.tsx';
import '../insights.css';

function lastDayOf(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/** The ranges to choose from: last month and this, each of the last 13 months, the last year. */
export function rangeOptions(today: string): Option[] {
  const thisMonth = today.slice(0, 7);
  const options: Option[] = [{ value: '', label: 'Last month and this month' }];
  for (let i = 0; i < 13; i++) {
    const month = addMonths(`${thisMonth}-01`, -i).slice(0, 7);
    const [year = '', m = '1'] = month.split('-');
    const label = `${monthName(Number(m))} ${year}${i === 0 ? ' (so far)' : ''}`;
    options.push({ value: `${month}-01|${i === 0 ? today : lastDayOf(month)}`, label });
  }
  options.push({
    value: `${addMonths(`${thisMonth}-01`, -11)}|${today}`,
    label: 'The last 12 months',
  });
  return options;
}

const PER_OPTIONS: Option[] = [
  { value: 'week', label: 'Each week' },
  { value: 'month', label: 'Each month' },
];

function queryOf(from: string, to: string, per: string): string {
  const q = new URLSearchParams();
  if (from !== '') q.set('from', from);
  if (to !== '') q.set('to', to);
  if (per !== '' && per !== 'week') q.set('per', per);
  return q.toString();
}

function RangeForm({ range, per }: { range: string; per: string }) {
  const { route } = useLocation();
  const [draft, setDraft] = useState({ range, per });
  const today = londonDateOf(new Date());
  function show(e: Event) {
    e.preventDefault();
    const [from = '', to = ''] = draft.range.split('|');
    const q = queryOf(from, to, draft.per);
    route(q === '' ? '/staff/insights' : `/staff/insights?${q}`);
  }
  return (
    <form class="audit-filters" onSubmit={show} aria-label="Choose the months">
      <SelectField
        path="range"
        label="Months"
        value={draft.range}
        options={rangeOptions(today)}
        onChange={(value) => setDraft((d) => ({ ...d, range: value }))}
      />
      <SelectField
        path="per"
        label="Count over time"
        value={draft.per}
        options={PER_OPTIONS}
        onChange={(value) => setDraft((d) => ({ ...d, per: value }))}
      />
      <div class="button-row audit-filters__buttons">
        <button type="submit" class="button">
          Show
        </button>
      </div>
    </form>
  );
}

function SummaryMonth({ summary }: { summary: InsightSummary }) {
  const [copied, setCopied] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(summary.text);
      setCopied('Copied. Paste it into the report.');
    } catch {
      setCopied('Could not copy: select the text and copy it instead.');
    }
  }
  return (
    <div class="insight-summary">
      <h3>
        {summary.label}
        {summary.partial ? ' (part of the month)' : ''}
      </h3>
      <p>{summary.text}</p>
      <div class="button-row button-row--tight">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          Copy the {summary.label} summary
        </button>
        <span role="status" class="quiet">
          {copied}
        </span>
      </div>
    </div>
  );
}

function TableSection({ table, query }: { table: InsightTable; query: string }) {
  const csv = `/api/insights/${table.id}.csv${query === '' ? '' : `?${query}`}`;
  return (
    <section class="insight" aria-labelledby={`insight-${table.id}`}>
      <h3 id={`insight-${table.id}`}>{table.title}</h3>
      <p class="quiet">{table.description}</p>
      {table.chart === 'over-time' && table.rows.length > 1 && table.columns.length > 0 ? (
        <InsightChart table={table} />
      ) : null}
      <InsightTableView table={table} swatches={table.chart === 'over-time'} />
      <p>
        <a href={csv} download aria-label={`Download as CSV: ${table.title}`}>
          Download as CSV
        </a>
      </p>
    </section>
  );
}

const SECTIONS = [
  { key: 'reach', title: 'Reach: short addresses and calendar feeds' },
  { key: 'kiosk', title: 'The kiosks' },
  {
    key: 'findings',
    title: "Findings: the Community Champion's conversations and suggested groups",
  },
] as const;

function describeRange(insights: Insights): string {
  const fmt = (d: string) =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${d}T12:00:00Z`));
  return `${fmt(insights.from)} to ${fmt(insights.to)}`;
}

export function InsightsPage() {
  const { query } = useLocation();
  const from = query.from ?? '';
  const to = query.to ?? '';
  const per = query.per ?? 'week';
  const apiQuery = queryOf(from, to, per);
  const [loaded] = useLoad(
    (signal) =>
      getParsed(
        `/api/insights${apiQuery === '' ? '' : `?${apiQuery}`}`,
        (s) => s.InsightsSchema,
        signal,
      ),
    `insights|${apiQuery}`,
  );
  const range = from === '' && to === '' ? '' : `${from}|${to}`;
  return (
    <Page
      title="Insights"
      lead={
        <p>
          What the campaign reached and what the Community Champion found. Counts under 5 are shown
          as "fewer than 5", and a total that includes one says "at least", so no small number can
          be worked out.
        </p>
      }
    >
      <RangeForm key={`${range}|${per}`} range={range} per={per} />
      {loaded.status !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <>
          <p>
            Counted from {describeRange(loaded.data)} (whole weeks within each month, so the same
            day always counts the same way).
          </p>
          <section aria-labelledby="insight-summary">
            <h2 id="insight-summary">Summary for the monthly report</h2>
            {loaded.data.summary.map((s) => (
              <SummaryMonth key={s.month} summary={s} />
            ))}
          </section>
          {SECTIONS.map((section) => (
            <section key={section.key} aria-labelledby={`insight-section-${section.key}`}>
              <h2 id={`insight-section-${section.key}`}>{section.title}</h2>
              {loaded.data.tables
                .filter((t) => t.section === section.key)
                .map((t) => (
                  <TableSection key={t.id} table={t} query={apiQuery} />
                ))}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
