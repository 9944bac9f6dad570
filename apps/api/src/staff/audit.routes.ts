import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../audit/audit.queries.ts';
import { validationError } from '../http/errors.ts';
import { requireAdmin, type StaffEnv } from '../auth/staff-auth.ts';
import type { StaffDeps } from './staff-deps.ts';

const AuditQuerySchema = z.strictObject({
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
});

/** The audit log, newest first, for admins. */
export function auditRoutes({ db }: StaffDeps) {
  const app = new Hono<StaffEnv>();
  app.get('/api/audit', requireAdmin, (c) => {
    const query = AuditQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error, 'query');
    const { limit, before } = query.data;
    const items = listAudit(db, { limit, before: before ?? null });
    const last = items.at(-1);
    return c.json({ items, nextBefore: items.length === limit && last ? last.id : null });
  });
  return app;
}
