// Who may link a group's calendar, import it or unlink it: the people who may edit the group.
import { createMiddleware } from 'hono/factory';
import type { AuditedKind } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { canManageGroup, GROUP_SCOPE } from '../groups/groups.policy.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { getLink, type StoredLink } from './calendar-links.queries.ts';

/** Admins link any group's calendar; staff those of the groups that meet at their venues. */
export function canManageLink(db: Db, staff: StaffUser, link: { group: string }): boolean {
  const group = getGroup(db, link.group);
  return group !== null && canManageGroup(staff, group);
}

/**
 * The link the path names, if this person may manage its group, for the route behind it (after
 * requireStaff): 404 when there is none, 403 when its group is not theirs.
 */
export function ownLink(db: Db) {
  return createMiddleware<{ Variables: { staff: StaffUser; link: StoredLink } }>(
    async function ownLink(c, next) {
      const id = IdParamSchema.safeParse({ id: c.req.param('id') });
      const link = id.success ? getLink(db, id.data.id) : null;
      if (link === null) throw notFound('linked calendar with that id');
      if (!canManageLink(db, c.var.staff, link)) throw forbidden(GROUP_SCOPE);
      c.set('link', link);
      await next();
    },
  );
}

export const CALENDAR_LINK: AuditedKind<number, StoredLink> = {
  entity: 'calendar-link',
  idOf: String,
  load: getLink,
  missing: 'linked calendar with that id',
  // The address, group and venue; not the fetch state, which changes every hour.
  audited: (link) => ({ name: link.url, group: link.group, venue: link.venue }),
};
