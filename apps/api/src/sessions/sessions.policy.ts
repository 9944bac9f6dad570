// Who may change a session and its occurrences, and what a change to one shows.
import type { Session } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import type { AuditedKind } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { getSession } from './sessions.queries.ts';

/** Admins manage every session; staff the sessions held at the venues they look after. */
export function canManageSession(staff: StaffUser, session: Session): boolean {
  return canManageVenue(staff, session.venue.slug);
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
  // Only this session's cached events and occurrences are made again.
  publicChange: (id) => ({ sessions: [id] }),
};
