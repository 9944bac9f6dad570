import {
  CancellationInputSchema,
  isLocalDate,
  isRuleDate,
  OccurrenceChangeInputSchema,
  SessionInputSchema,
  SessionPatchSchema,
  type Session,
} from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/audit.queries.ts';
import { apiError, forbidden, notFound, validationError } from '../http/errors.ts';
import { readBody, sentFields } from '../auth/read-body.ts';
import { canManageVenue, currentStaff, requireStaff, type StaffEnv } from '../auth/staff-auth.ts';
import type { StaffUser } from '../auth/users.queries.ts';
import type { Db } from '../db/open-db.ts';
import {
  changesSchedule,
  deleteException,
  groupExists,
  insertSession,
  sessionToInput,
  setSessionStatus,
  touchSessionSchedule,
  updateSession,
  upsertException,
  venueExists,
} from '../sessions/session-writes.queries.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import type { StaffDeps } from './staff-deps.ts';

const OUT_OF_SCOPE = 'You can only change sessions at the venues you look after';

function unknownReference(path: string, what: string, slug: string) {
  const message = `There is no ${what} "${slug}"`;
  return apiError(400, 'invalid_request', `${path}: ${message}`, [{ path, message }]);
}

/** 400 naming the field when the venue or group a session points at does not exist. */
export function checkSessionReferences(
  db: Db,
  input: { venue?: string | undefined; group?: string | null | undefined },
) {
  if (input.venue !== undefined && !venueExists(db, input.venue)) {
    throw unknownReference('venue', 'venue', input.venue);
  }
  if (input.group !== undefined && input.group !== null && !groupExists(db, input.group)) {
    throw unknownReference('group', 'group', input.group);
  }
}

/** The session named in the path, if the person may change it: 404 or 403 otherwise. */
function loadOwnSession(db: Db, c: Context<StaffEnv>, staff: StaffUser): Session {
  const raw = c.req.param('id') ?? '';
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  const session = Number.isSafeInteger(id) ? getSession(db, id) : null;
  if (!session) throw notFound('session');
  if (!canManageVenue(staff, session.venue.slug)) throw forbidden(OUT_OF_SCOPE);
  return session;
}

function requireActive(session: Session) {
  if (session.status !== 'active') {
    throw apiError(409, 'archived', 'This session is archived; it has no occurrences to change');
  }
}

function sessionNow(db: Db, id: number): Session {
  const session = getSession(db, id);
  if (!session) throw new Error(`Session ${id} vanished inside its own transaction`);
  return session;
}

export function sessionWriteRoutes({ db, cache, clock }: StaffDeps) {
  const app = new Hono<StaffEnv>();

  /**
   * One session write: `change` (given the time of the write) returns the session's id; the
   * session as it then is goes into the audit entry beside `before`, all in one transaction.
   * Afterwards only that session's cached read output is dropped.
   */
  function writeSession(
    staff: StaffUser,
    action: string,
    before: Session | null,
    change: (at: string) => number,
  ): Session {
    const at = clock().toISOString();
    const after = db
      .transaction(() => {
        const id = change(at);
        const after = sessionNow(db, id);
        recordAudit(db, {
          userId: staff.id,
          at,
          action,
          entity: 'session',
          entityId: String(id),
          before,
          after,
        });
        return after;
      })
      .immediate();
    cache.invalidate({ sessions: [after.id] });
    return after;
  }

  app.post('/api/sessions', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const { data } = await readBody(c, SessionInputSchema);
    checkSessionReferences(db, data);
    if (!canManageVenue(staff, data.venue)) {
      throw forbidden('You can only publish sessions at the venues you look after');
    }
    const session = writeSession(staff, 'session.create', null, (at) =>
      insertSession(db, data, at),
    );
    return c.json(session, 201);
  });

  app.patch('/api/sessions/:id', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const before = loadOwnSession(db, c, staff);
    const { data, raw } = await readBody(c, SessionPatchSchema);
    const sent = sentFields(data, raw);
    const current = sessionToInput(before);
    const merged = SessionInputSchema.safeParse({ ...current, ...sent });
    if (!merged.success) throw validationError(merged.error, 'body');
    checkSessionReferences(db, sent);
    if (!canManageVenue(staff, merged.data.venue)) {
      throw forbidden('You can only move a session to a venue you look after');
    }
    if (JSON.stringify(merged.data) === JSON.stringify(current)) return c.json(before);
    const step = changesSchedule(current, merged.data) ? 1 : 0;
    const session = writeSession(staff, 'session.update', before, (at) => {
      updateSession(db, before.id, merged.data, step, at);
      return before.id;
    });
    return c.json(session);
  });

  app.delete('/api/sessions/:id', requireStaff, (c) => {
    const staff = currentStaff(c);
    const before = loadOwnSession(db, c, staff);
    if (before.status === 'archived') return c.body(null, 204);
    writeSession(staff, 'session.archive', before, (at) => {
      setSessionStatus(db, before.id, 'archived', at);
      return before.id;
    });
    return c.body(null, 204);
  });

  app.post('/api/sessions/:id/cancellations', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const before = loadOwnSession(db, c, staff);
    const { data } = await readBody(c, CancellationInputSchema);
    requireActive(before);
    if (!isRuleDate(before, data.date)) {
      const message = `${data.date} is not a date this session happens on`;
      throw apiError(400, 'invalid_request', `date: ${message}`, [{ path: 'date', message }]);
    }
    const session = writeSession(staff, 'session.cancel-occurrence', before, (at) => {
      upsertException(
        db,
        before.id,
        {
          date: data.date,
          kind: 'cancelled',
          reason: data.reason,
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: null,
        },
        at,
      );
      touchSessionSchedule(db, before.id, at);
      return before.id;
    });
    return c.json(session, 201);
  });

  app.post('/api/sessions/:id/changes', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const before = loadOwnSession(db, c, staff);
    const { data } = await readBody(c, OccurrenceChangeInputSchema);
    requireActive(before);
    const issues: { path: string; message: string }[] = [];
    if (!isRuleDate(before, data.date)) {
      issues.push({ path: 'date', message: `${data.date} is not a date this session happens on` });
    }
    if (
      data.newDate === null &&
      data.startTime === null &&
      data.endTime === null &&
      data.venue === null
    ) {
      issues.push({
        path: 'newDate',
        message: 'Give a new date, time or venue for this occurrence',
      });
    }
    if ((data.endTime ?? before.endTime) <= (data.startTime ?? before.startTime)) {
      issues.push({ path: 'endTime', message: 'The end time must be after the start time' });
    }
    const first = issues[0];
    if (first) throw apiError(400, 'invalid_request', `${first.path}: ${first.message}`, issues);
    if (data.venue !== null) {
      checkSessionReferences(db, { venue: data.venue });
      if (!canManageVenue(staff, data.venue)) {
        throw forbidden('You can only move an occurrence to a venue you look after');
      }
    }
    const session = writeSession(staff, 'session.change-occurrence', before, (at) => {
      upsertException(
        db,
        before.id,
        {
          date: data.date,
          kind: 'changed',
          reason: data.reason,
          newDate: data.newDate,
          startTime: data.startTime,
          endTime: data.endTime,
          venueSlug: data.venue,
        },
        at,
      );
      touchSessionSchedule(db, before.id, at);
      return before.id;
    });
    return c.json(session, 201);
  });

  // Undo a cancellation or a change: the occurrence goes back to what the rule says.
  for (const [segment, kind] of [
    ['cancellations', 'cancelled'],
    ['changes', 'changed'],
  ] as const) {
    app.delete(`/api/sessions/:id/${segment}/:date`, requireStaff, (c) => {
      const staff = currentStaff(c);
      const before = loadOwnSession(db, c, staff);
      const date = c.req.param('date');
      if (!isLocalDate(date)) {
        const message = 'Give a real date as YYYY-MM-DD, for example 2027-03-30';
        throw apiError(400, 'invalid_request', `date: ${message}`, [{ path: 'date', message }]);
      }
      if (!before.exceptions.some((e) => e.date === date && e.kind === kind)) {
        throw apiError(
          404,
          'not_found',
          kind === 'cancelled'
            ? `The occurrence on ${date} is not cancelled`
            : `The occurrence on ${date} has not been changed`,
        );
      }
      const action = kind === 'cancelled' ? 'session.reinstate-occurrence' : 'session.undo-change';
      const session = writeSession(staff, action, before, (at) => {
        deleteException(db, before.id, date);
        touchSessionSchedule(db, before.id, at);
        return before.id;
      });
      return c.json(session);
    });
  }

  return app;
}
