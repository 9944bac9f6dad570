import { SchoolHolidayInputSchema } from '@fiveways/shared';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import { IdParamSchema } from '../http/params.ts';
import { createRouter, validJson, validParams, type RouterDeps } from '../http/router.ts';
import { SCHOOL_HOLIDAY } from './school-holidays.policy.ts';
import {
  deleteSchoolHoliday,
  getSchoolHoliday,
  insertSchoolHoliday,
  listSchoolHolidays,
  touchSessionsSkippingSchoolHolidays,
  updateSchoolHoliday,
} from './school-holidays.queries.ts';

const REFUSAL = 'Only an admin can change the school holidays';

/**
 * The school holidays sessions may skip (Worcestershire's term dates, kept as data): anyone reads
 * them; admins add, correct and remove them, and every session that skips them changes with them.
 */
export function schoolHolidayRoutes(deps: RouterDeps) {
  const { db } = deps;
  const { requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);

  return createRouter()
    .get('/school-holidays', (c) => c.json({ items: listSchoolHolidays(db) }))

    .post('/school-holidays', requireAdmin, validJson(SchoolHolidayInputSchema), (c) => {
      const input = c.req.valid('json');
      const holiday = staffWrite({
        kind: SCHOOL_HOLIDAY,
        action: 'create',
        by: c.var.staff,
        allowed: adminOnly,
        refusal: REFUSAL,
        change: ({ at }) => ({
          id: insertSchoolHoliday(db, input, at),
          sessions: touchSessionsSkippingSchoolHolidays(db, at),
        }),
      });
      return c.json(holiday, 201);
    })

    .patch(
      '/school-holidays/:id',
      requireAdmin,
      validParams(IdParamSchema),
      validJson(SchoolHolidayInputSchema),
      (c) => {
        const { id } = c.req.valid('param');
        const input = c.req.valid('json');
        const holiday = staffWrite({
          kind: SCHOOL_HOLIDAY,
          action: 'update',
          by: c.var.staff,
          current: () => getSchoolHoliday(db, id),
          allowed: adminOnly,
          refusal: REFUSAL,
          change: ({ at }) => {
            updateSchoolHoliday(db, id, input, at);
            return { id, sessions: touchSessionsSkippingSchoolHolidays(db, at) };
          },
        });
        return c.json(holiday);
      },
    )

    .delete('/school-holidays/:id', requireAdmin, validParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      staffWrite({
        kind: SCHOOL_HOLIDAY,
        action: 'delete',
        by: c.var.staff,
        current: () => getSchoolHoliday(db, id),
        allowed: adminOnly,
        refusal: REFUSAL,
        after: 'none',
        change: ({ at }) => {
          deleteSchoolHoliday(db, id);
          return { id, sessions: touchSessionsSkippingSchoolHolidays(db, at) };
        },
      });
      return c.body(null, 204);
    });
}
