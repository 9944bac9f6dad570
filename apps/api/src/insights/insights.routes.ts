import { INSIGHTS_MAX_MONTHS, INSIGHT_PERIODS, LocalDateSchema } from '@fiveways/shared';
import { addDays, addMonths, compareDates } from '@fiveways/shared/dates';
import { londonDateOf } from '@fiveways/shared/london-time';
import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, validQuery, type RouterDeps } from '../http/router.ts';
import type { Db } from '../db/open-db.ts';
import { buildInsights } from './build-insights.ts';
import { insightTableCsv } from './insights-csv.ts';
import {
  listConversations,
  listFeedReach,
  listKioskEvents,
  listLinkVisits,
  listSuggestionOutcomes,
  loadNames,
} from './insights.queries.ts';
import { widenToPieces } from './periods.ts';

export const InsightsQuerySchema = z
  .strictObject({
    from: LocalDateSchema.optional().describe(
      'First day, YYYY-MM-DD; the start of last month if left out',
    ),
    to: LocalDateSchema.optional().describe('Last day, YYYY-MM-DD; today if left out'),
    per: z
      .enum(INSIGHT_PERIODS, { error: 'Give per as week or month' })
      .default('week')
      .describe('Count over time per week (cut at month ends) or per month'),
  })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    if (compareDates(q.to, q.from) < 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Give to on or after from' });
    } else if (compareDates(q.to, addDays(addMonths(q.from, INSIGHTS_MAX_MONTHS), -1)) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Give to within ${INSIGHTS_MAX_MONTHS} months of from`,
      });
    }
  });

export const InsightsFileParamSchema = z.object({
  file: z
    .string()
    .regex(/^[a-z-]+\.csv$/)
    .describe("A table's id followed by .csv, for example zero-results.csv"),
});

/** The default range: the whole of last month and this month so far. */
export function defaultRange(today: string): { from: string; to: string } {
  return { from: addMonths(`${today.slice(0, 7)}-01`, -1), to: today };
}

function loadInsights(db: Db, today: string, query: z.infer<typeof InsightsQuerySchema>) {
  const fallback = defaultRange(today);
  const from =
    query.from ??
    (query.to === undefined ? fallback.from : addMonths(`${query.to.slice(0, 7)}-01`, -1));
  const to = query.to ?? (query.from === undefined ? fallback.to : maxTo(query.from, today));
  const range = { ...widenToPieces(from, to), per: query.per };
  return buildInsights(
    range,
    {
      links: listLinkVisits(db, range.from, range.to),
      feeds: listFeedReach(db, range.from, range.to),
      kiosk: listKioskEvents(db, range.from, range.to),
      conversations: listConversations(db, range.from, range.to),
      suggestions: listSuggestionOutcomes(db, range.from, range.to),
    },
    loadNames(db),
  );
}

/** With only from given: up to today, within the longest range. */
function maxTo(from: string, today: string): string {
  const last = addDays(addMonths(from, INSIGHTS_MAX_MONTHS), -1);
  if (compareDates(today, from) < 0) return from;
  return compareDates(today, last) > 0 ? last : today;
}

/** Reach and findings for staff: the tables as JSON, and each table as a CSV download. */
export function insightRoutes(deps: RouterDeps) {
  const { db, clock } = deps;
  const { requireStaff } = loginGuards(deps);
  return createRouter()
    .get('/insights', requireStaff, validQuery(InsightsQuerySchema), (c) =>
      c.json(loadInsights(db, londonDateOf(clock()), c.req.valid('query'))),
    )
    .get('/insights/:file{[^/]+\\.csv}', requireStaff, validQuery(InsightsQuerySchema), (c) => {
      const id = c.req.param('file').slice(0, -'.csv'.length);
      const insights = loadInsights(db, londonDateOf(clock()), c.req.valid('query'));
      const table = insights.tables.find((t) => t.id === id);
      if (table === undefined) throw notFound(`insights table called ${id}`);
      return c.body(insightTableCsv(table), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}-${insights.from}-to-${insights.to}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
