import { loginGuards } from '../auth/login.ts';
import { createRouter, type RouterDeps } from '../http/router.ts';
import { listChangeEntries, summariseChanges } from './recent-changes.ts';

const WEEK_MS = 7 * 86_400_000;

/** GET /api/recent-changes: the last seven days, as the staff home's summary, for any staff. */
export function recentChangeRoutes(deps: RouterDeps) {
  const { db, clock } = deps;
  const { requireStaff } = loginGuards(deps);
  return createRouter().get('/recent-changes', requireStaff, (c) => {
    const since = new Date(clock().getTime() - WEEK_MS).toISOString();
    return c.json(summariseChanges(listChangeEntries(db, since), c.var.staff, since));
  });
}
