import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { createRouter, validQuery, type RouterDeps } from '../http/router.ts';
import { listAudit } from './audit.queries.ts';

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
export function auditRoutes(deps: RouterDeps) {
  const { db } = deps;
  const { requireAdmin } = loginGuards(deps);
  return createRouter().get('/audit', requireAdmin, validQuery(AuditQuerySchema), (c) => {
    const { limit, before } = c.req.valid('query');
    const items = listAudit(db, { limit, before: before ?? null });
    const last = items.at(-1);
    return c.json({ items, nextBefore: items.length === limit && last ? last.id : null });
  });
}
