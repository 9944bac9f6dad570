// GET /api/insights: reach counts and the Champion's findings for a date range, in tables a page
// can chart and a spreadsheet can read. Every count follows the small-number rule (insights-count.ts).
import { z } from 'zod';
import { LocalDateSchema } from './common.ts';
import { SMALL_COUNT_BELOW } from './insights-count.ts';
import { WaySlugSchema } from './way.ts';

export {
  SMALL_COUNT_BELOW,
  describeCount,
  isExactCount,
  lowestOf,
  highestOf,
  type Count,
} from './insights-count.ts';

/** The longest range one answer covers. */
export const INSIGHTS_MAX_MONTHS = 13;

export const INSIGHT_PERIODS = ['week', 'month'] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

/** A whole number of 5 or more, or the range a small count hides in. */
export const CountSchema = z.union([
  z.number().int().min(SMALL_COUNT_BELOW),
  z.object({ atLeast: z.number().int().min(0), below: z.number().int().min(1) }),
]);

export const InsightColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The way a column stands for, so a chart draws it in the way's colour. */
  way: WaySlugSchema.nullable(),
});
export type InsightColumn = z.infer<typeof InsightColumnSchema>;

export const InsightRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  way: WaySlugSchema.nullable(),
  values: z.array(CountSchema),
  /** The row's total, or null when its columns measure different things. */
  total: CountSchema.nullable(),
});
export type InsightRow = z.infer<typeof InsightRowSchema>;

export const InsightTableSchema = z.object({
  /** Also the CSV's name: /api/insights/<id>.csv. */
  id: z.string(),
  section: z.enum(['reach', 'kiosk', 'findings']),
  title: z.string(),
  description: z.string(),
  /** What the rows are ("Week starting", "Venue", "Search"). */
  rowHeading: z.string(),
  columns: z.array(InsightColumnSchema),
  rows: z.array(InsightRowSchema),
  /** Each column's total (and the grand total), or null when the rows should not be added up. */
  totals: z.object({ values: z.array(CountSchema), total: CountSchema.nullable() }).nullable(),
  /** 'over-time': the rows are weeks or months, each column a line on a chart. */
  chart: z.enum(['over-time']).nullable(),
});
export type InsightTable = z.infer<typeof InsightTableSchema>;

export const InsightSummarySchema = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** "November 2026" */
  label: z.string(),
  /** True when the range covers only part of the month. */
  partial: z.boolean(),
  text: z.string(),
});
export type InsightSummary = z.infer<typeof InsightSummarySchema>;

export const InsightsSchema = z.object({
  /** The range counted, widened to whole weeks within each month (see the API's periods.ts). */
  from: LocalDateSchema,
  to: LocalDateSchema,
  per: z.enum(INSIGHT_PERIODS),
  smallCountBelow: z.literal(SMALL_COUNT_BELOW),
  summary: z.array(InsightSummarySchema),
  tables: z.array(InsightTableSchema),
});
export type Insights = z.infer<typeof InsightsSchema>;
