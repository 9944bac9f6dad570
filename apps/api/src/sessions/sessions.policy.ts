// Who may change a session and its occurrences, and what a change to one shows.
import type { Session } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import type { AccessRule, AuditedKind } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { canManageGroup } from '../groups/groups.policy.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { getSession } from './sessions.queries.ts';

/** Admins manage every session; staff the sessions held at the venues they look after. */
export function canManageSession(staff: StaffUser, session: Session): boolean {
  return canManageVenue(staff, session.venue.slug);
}

export const SESSION_SCOPE =
  'You can only change sessions at the venues you look after, move them or their dates only to those venues, and attach them only to groups that meet there';

/**
 * The rule for every write to a session, asked of it as it was (null: new) and as the write
 * leaves it. The session must be held at one of the person's venues on both sides, and what it
 * newly points at obeys the same scope as the records themselves: a date moved to a venue must be
 * moved to one of theirs, and a group it joins must be one they may manage (so staff cannot put
 * their session into another venue's group, or into a group that meets at no venue, which only
 * admins manage). References that were already there when the write began are left alone.
 */
export function sessionRule(db: Db): AccessRule<Session | null, Session> {
  return (staff, { before, after }) => {
    if (before !== null && !canManageSession(staff, before)) return false;
    if (after === null) return true;
    if (!canManageSession(staff, after)) return false;
    const movedTo = after.exceptions.filter((e) => {
      const earlier = before?.exceptions.find((b) => b.date === e.date);
      return e.venueSlug !== null && earlier?.venueSlug !== e.venueSlug;
    });
    if (!movedTo.every((e) => canManageVenue(staff, e.venueSlug))) return false;
    if (after.group !== null && after.group !== before?.group) {
      const group = getGroup(db, after.group);
      if (group === null || !canManageGroup(staff, group)) return false;
    }
    return true;
  };
}

/**
 * The session the path names, if this person may change it, for the route behind it (after
 * requireStaff): 404 when there is none (an id that cannot be one included), 403 when it is
 * held at a venue they do not look after.
 */
export function ownSession(db: Db) {
  return createMiddleware<{ Variables: { staff: StaffUser; before: Session } }>(
    async function ownSession(c, next) {
      const id = IdParamSchema.safeParse({ id: c.req.param('id') });
      const session = id.success ? getSession(db, id.data.id) : null;
      if (session === null) throw notFound('session with that id');
      if (!canManageSession(c.var.staff, session)) {
        throw forbidden('You can only change sessions at the venues you look after');
      }
      c.set('before', session);
      await next();
    },
  );
}

export const SESSION: AuditedKind<number, Session> = {
  entity: 'session',
  idOf: String,
  load: getSession,
  missing: 'session with that id',
  // Only this session's cached events and occurrences are made again.
  publicChange: (id) => ({ sessions: [id] }),
};
