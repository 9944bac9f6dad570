import {
  buildOccurrences,
  ClosureInputSchema,
  ClosurePreviewQuerySchema,
  type Closure,
  type Occurrence,
  type OccurrenceException,
  type Session,
} from '@fiveways/shared';
import { loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { apiError, notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import {
  createRouter,
  validJson,
  validParams,
  validQuery,
  type RouterDeps,
} from '../http/router.ts';
import {
  canManageSession,
  SESSION,
  SESSION_SCOPE,
  sessionRule,
} from '../sessions/sessions.policy.ts';
import {
  deleteException,
  getSession,
  listSessions,
  touchSessionSchedule,
  upsertException,
} from '../sessions/sessions.queries.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { getVenue, listVenues } from '../venues/venues.queries.ts';
import { CLOSURE, CLOSURE_SCOPE, closureRule } from './closures.policy.ts';
import {
  closurePrevious,
  getClosure,
  insertClosure,
  listClosures,
  markClosureUndone,
  type ClosedOccurrenceRecord,
} from './closures.queries.ts';

/** The venue a closure names, if it exists and this person looks after it (4xx naming `venue`). */
function closableVenue(db: Db, staff: StaffUser, slug: string) {
  const venue = getVenue(db, slug);
  if (venue === null) {
    throw apiError(400, 'invalid_request', `venue: There is no venue "${slug}"`, [
      { path: 'venue', message: `There is no venue "${slug}"` },
    ]);
  }
  if (!canManageVenue(staff, venue.slug)) {
    throw apiError(403, 'forbidden', CLOSURE_SCOPE, [{ path: 'venue', message: CLOSURE_SCOPE }]);
  }
  return venue;
}

/**
 * What closing `venue` from `from` to `to` cancels, read as the data now is: every scheduled
 * occurrence actually happening there then (moved-in ones included, moved-away ones not) of a
 * session this person may change; and how many there are already cancelled (left alone).
 */
function closableOccurrences(db: Db, staff: StaffUser, venue: string, from: string, to: string) {
  const sessions = listSessions(db);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const there = buildOccurrences(sessions, listVenues(db), { from, to, venue });
  const targets: { occurrence: Occurrence; session: Session }[] = [];
  let alreadyCancelled = 0;
  for (const occurrence of there) {
    const session = byId.get(occurrence.sessionId);
    if (session === undefined || !canManageSession(staff, session)) continue;
    if (occurrence.status === 'cancelled') alreadyCancelled += 1;
    else targets.push({ occurrence, session });
  }
  return { targets, alreadyCancelled };
}

/**
 * Closures: a venue closed for a date range with one reason. Closing cancels every occurrence
 * there in one transaction, each as an ordinary cancellation (its own audit entry, its session's
 * sequence raised, its feeds and kiosk payloads renewed), and keeps the list as one closure;
 * undoing it reinstates exactly those occurrences, if still cancelled for that reason.
 */
export function closureRoutes(deps: RouterDeps) {
  const { db } = deps;
  const { requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const allowedSession = sessionRule(db);

  /** One occurrence's exception replaced (null: removed), as an audited write to its session. */
  function writeOccurrence(
    staff: StaffUser,
    sessionId: number,
    action: 'cancel-occurrence' | 'reinstate-occurrence',
    date: string,
    exception: OccurrenceException | null,
  ) {
    staffWrite({
      kind: SESSION,
      action,
      by: staff,
      current: () => getSession(db, sessionId),
      allowed: allowedSession,
      refusal: SESSION_SCOPE,
      change: ({ at }) => {
        if (exception === null) deleteException(db, sessionId, date);
        else upsertException(db, sessionId, exception, at);
        touchSessionSchedule(db, sessionId, at);
        return sessionId;
      },
    });
  }

  return createRouter()
    .get('/closures', requireStaff, (c) => {
      const staff = c.var.staff;
      const items = listClosures(db, staff.role === 'admin' ? null : staff.venues);
      return c.json({ items });
    })

    .get('/closures/preview', requireStaff, validQuery(ClosurePreviewQuerySchema), (c) => {
      const staff = c.var.staff;
      const q = c.req.valid('query');
      const venue = closableVenue(db, staff, q.venue);
      const { targets, alreadyCancelled } = closableOccurrences(
        db,
        staff,
        venue.slug,
        q.from,
        q.to,
      );
      return c.json({
        venue: { slug: venue.slug, name: venue.name },
        from: q.from,
        to: q.to,
        occurrences: targets.map((t) => t.occurrence),
        alreadyCancelled,
      });
    })

    .get('/closures/:id', requireStaff, validParams(IdParamSchema), (c) => {
      const closure = getClosure(db, c.req.valid('param').id);
      if (closure === null || !canManageVenue(c.var.staff, closure.venue.slug)) {
        throw notFound('closure with that id');
      }
      return c.json(closure);
    })

    .post('/closures', requireStaff, validJson(ClosureInputSchema), (c) => {
      const staff = c.var.staff;
      const input = c.req.valid('json');
      closableVenue(db, staff, input.venue);
      const closure = db
        .transaction((): Closure => {
          // Read inside the write, so an occurrence cancelled a moment ago is not taken twice.
          const { targets } = closableOccurrences(db, staff, input.venue, input.from, input.to);
          const closed: ClosedOccurrenceRecord[] = [];
          for (const { occurrence, session } of targets) {
            const previous = session.exceptions.find((e) => e.date === occurrence.date) ?? null;
            // A moved occurrence stays where and when it was moved to, now cancelled.
            writeOccurrence(staff, session.id, 'cancel-occurrence', occurrence.date, {
              date: occurrence.date,
              kind: 'cancelled',
              reason: input.reason,
              newDate: previous?.newDate ?? null,
              startTime: previous?.startTime ?? null,
              endTime: previous?.endTime ?? null,
              venueSlug: previous?.venueSlug ?? null,
            });
            closed.push({
              sessionId: session.id,
              title: occurrence.title,
              date: occurrence.date,
              start: occurrence.start,
              end: occurrence.end,
              previous,
            });
          }
          return staffWrite({
            kind: CLOSURE,
            action: 'create',
            by: staff,
            allowed: closureRule,
            refusal: CLOSURE_SCOPE,
            change: ({ at }) =>
              insertClosure(
                db,
                {
                  venue: input.venue,
                  from: input.from,
                  to: input.to,
                  reason: input.reason,
                  createdBy: staff.id,
                },
                closed,
                at,
              ),
          });
        })
        .immediate();
      return c.json(closure, 201);
    })

    .post('/closures/:id/undo', requireStaff, validParams(IdParamSchema), (c) => {
      const staff = c.var.staff;
      const id = c.req.valid('param').id;
      const atStart = getClosure(db, id);
      if (atStart === null || !canManageVenue(staff, atStart.venue.slug)) {
        throw notFound('closure with that id');
      }
      const closure = db
        .transaction((): Closure => {
          const now = getClosure(db, id);
          if (now === null) throw notFound('closure with that id');
          if (now.undoneAt !== null) {
            throw apiError(409, 'already_undone', 'This closure has already been undone');
          }
          for (const { sessionId, date, previous } of closurePrevious(db, id)) {
            const session = getSession(db, sessionId);
            const exception = session?.exceptions.find((e) => e.date === date);
            // Reinstated or re-cancelled for another reason since: no longer the closure's to undo.
            if (session === null || exception === undefined) continue;
            if (exception.kind !== 'cancelled' || exception.reason !== now.reason) continue;
            if (!canManageSession(staff, session)) continue;
            writeOccurrence(staff, sessionId, 'reinstate-occurrence', date, previous);
          }
          return staffWrite({
            kind: CLOSURE,
            action: 'undo',
            by: staff,
            current: () => getClosure(db, id),
            allowed: closureRule,
            refusal: CLOSURE_SCOPE,
            change: ({ at }) => {
              markClosureUndone(db, id, staff.id, at);
              return id;
            },
          });
        })
        .immediate();
      return c.json(closure);
    });
}
