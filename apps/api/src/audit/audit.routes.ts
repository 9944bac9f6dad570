import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { markNoStore } from '../http/no-store.ts';
import { createRouter, validQuery, type RouterDeps } from '../http/router.ts';
import { toCsv } from '../http/csv.ts';
import { AUDIT_CSV_HEADER, auditCsvRow } from './audit-csv.ts';
import { listAudit } from './audit.queries.ts';

/** The most entries one CSV download holds (narrow it with the filters, or page with before). */
export const AUDIT_CSV_LIMIT = 10_000;

export const AuditQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'Give limit as a whole number from 1 to 200' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, { error: 'Give limit as a whole number from 1 to 200' })
    .default(50),
  before: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, { error: 'Give before as the id of an audit entry' })
    .transform(Number)
    .optional(),
  venue: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'Give venue as a venue slug, for example warndon-community-hub',
    })
    .max(80, { error: 'Give venue as a venue slug, for example warndon-community-hub' })
    .optional(),
  user: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, { error: 'Give user as the id of an account' })
    .transform(Number)
    .optional(),
  kind: z
    .string()
    .regex(
      /^(?:session|group|venue|area|user|closure|school-holiday|organisation|conversation|champion-contact|suggestion)(?:\.[a-z]+(?:-[a-z]+)*)?$/,
      {
        error:
          'Give kind as a record kind (session, group, venue, area, user, closure, school-holiday, organisation, conversation, champion-contact or suggestion) or an action such as session.cancel-occurrence',
      },
    )
    .max(60, { error: 'Give kind as a record kind or an action such as session.update' })
    .optional(),
  format: z.enum(['json', 'csv'], { error: 'Give format as json or csv' }).default('json'),
});

/** The audit log, newest first, for admins: a page as JSON, or every match as a CSV file. */
export function auditRoutes(deps: RouterDeps) {
  const { db, clock } = deps;
  const { requireAdmin } = loginGuards(deps);
  return createRouter().get('/audit', requireAdmin, validQuery(AuditQuerySchema), (c) => {
    const { limit, before, venue, user, kind, format } = c.req.valid('query');
    const filter = {
      before: before ?? null,
      venue: venue ?? null,
      user: user ?? null,
      kind: kind ?? null,
    };
    if (format === 'csv') {
      const items = listAudit(db, { ...filter, limit: AUDIT_CSV_LIMIT });
      const day = clock().toISOString().slice(0, 10);
      const body = toCsv(AUDIT_CSV_HEADER, items.map(auditCsvRow));
      markNoStore(c);
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    }
    const items = listAudit(db, { ...filter, limit });
    const last = items.at(-1);
    return c.json({ items, nextBefore: items.length === limit && last ? last.id : null });
  });
}
