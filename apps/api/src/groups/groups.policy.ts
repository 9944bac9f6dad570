// Who may change a group, and what a change to one shows.
import type { Group } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import type { AccessRule, AuditedKind } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { getGroup } from './groups.queries.ts';

export const GROUP_SCOPE =
  'You can only change groups that meet at the venues you look after; ask an admin';

/** Admins manage every group; staff the groups that meet at their venues (not venue-less ones). */
export function canManageGroup(staff: StaffUser, group: { venueSlug: string | null }): boolean {
  return canManageVenue(staff, group.venueSlug);
}

/** The rule for every write to a group: theirs as it was (if it was) and as the write leaves it. */
export const groupRule: AccessRule<Group | null, Group> = (staff, { before, after }) =>
  (before === null || canManageGroup(staff, before)) &&
  (after === null || canManageGroup(staff, after));

/**
 * The group the path names, if this person may change it, for the route behind it (after
 * requireStaff): 404 when there is none (archived ones included), 403 when it is not theirs.
 */
export function ownGroup(db: Db) {
  return createMiddleware<{ Variables: { staff: StaffUser; before: Group } }>(
    async function ownGroup(c, next) {
      const group = getGroup(db, c.req.param('slug') ?? '');
      if (group === null) throw notFound('group with that name');
      if (!canManageGroup(c.var.staff, group)) throw forbidden(GROUP_SCOPE);
      c.set('before', group);
      await next();
    },
  );
}

export const GROUP: AuditedKind<string, Group> = {
  entity: 'group',
  idOf: (slug) => slug,
  load: getGroup,
  missing: 'group with that name',
  // The group store reloads this group; lists, pages and feed names are memos over it.
  publicChange: (slug) => ({ groups: [slug] }),
};
