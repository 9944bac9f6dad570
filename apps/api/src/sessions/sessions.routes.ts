import {
  CancellationInputSchema,
  isLocalDate,
  isRuleDate,
  OccurrenceChangeInputSchema,
  SessionInputSchema,
  SessionPatchSchema,
  SlugSchema,
  WaySlugSchema,
  type ApiIssue,
  type OccurrenceChangeInput,
  type OccurrenceException,
  type Session,
  type SessionPatch,
} from '@fiveways/shared';
import { z } from 'zod';
import { loginGuards } from '../auth/login.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { SessionStore } from '../cache/session-store.ts';
import { sortInSlices } from '../cache/slices.ts';
import { compareText } from '../cache/text-order.ts';
import type { Db } from '../db/open-db.ts';
import { groupExists } from '../groups/groups.queries.ts';
import { sendCachedJson } from '../http/compressed-body.ts';
import { memoJsonList, sendJsonList } from '../http/json-list.ts';
import { apiError, fieldError, invalidFields, notFound, validationError } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import {
  createRouter,
  sentFields,
  validJson,
  validParams,
  validQuery,
  type RouterDeps,
} from '../http/router.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { venueExists } from '../venues/venues.queries.ts';
import { refuseArchiveOfImported, refuseSourceOwned } from '../imports/source-owned.ts';
import { changesSchedule, sessionToInput } from './session-input.ts';
import { ownSession, SESSION, SESSION_SCOPE, sessionRule } from './sessions.policy.ts';
import {
  archiveSession,
  deleteException,
  getSession,
  insertSession,
  touchSessionSchedule,
  updateSession,
  upsertException,
} from './sessions.queries.ts';

export const SessionQuerySchema = z.object({
  venue: SlugSchema.optional(),
  group: SlugSchema.optional(),
  way: WaySlugSchema.optional(),
});

/** 400 naming the field when the venue or group a session points at does not exist. */
function checkSessionReferences(
  db: Db,
  input: { venue?: string | undefined; group?: string | null | undefined },
) {
  if (input.venue !== undefined && !venueExists(db, input.venue)) {
    throw fieldError('venue', `There is no venue "${input.venue}"`);
  }
  if (input.group !== undefined && input.group !== null && !groupExists(db, input.group)) {
    throw fieldError('group', `There is no group "${input.group}"`);
  }
}

function requireActive(session: Session) {
  if (session.status !== 'active') {
    throw apiError(409, 'archived', 'This session is archived; it has no occurrences to change');
  }
}

/** What is wrong with moving one occurrence: a date the rule gives, something new, real times. */
function movedOccurrenceIssues(session: Session, move: OccurrenceChangeInput): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (!isRuleDate(session, move.date)) {
    issues.push({ path: 'date', message: `${move.date} is not a date this session happens on` });
  }
  if (
    move.newDate === null &&
    move.startTime === null &&
    move.endTime === null &&
    move.venue === null
  ) {
    issues.push({ path: 'newDate', message: 'Give a new date, time or venue for this occurrence' });
  }
  if ((move.endTime ?? session.endTime) <= (move.startTime ?? session.startTime)) {
    issues.push({ path: 'endTime', message: 'The end time must be after the start time' });
  }
  return issues;
}

/**
 * The sent fields merged into a session, checked as a whole (400 naming the field), and by how
 * much its sequence rises; `unchanged` when the merge leaves it as it was.
 */
function mergeSent(session: Session, sent: SessionPatch) {
  const current = sessionToInput(session);
  const merged = SessionInputSchema.safeParse({ ...current, ...sent });
  if (!merged.success) throw validationError(merged.error, 'body');
  const step: 0 | 1 = changesSchedule(current, merged.data) ? 1 : 0;
  return {
    merged: merged.data,
    step,
    unchanged: JSON.stringify(merged.data) === JSON.stringify(current),
  };
}

/** The exception's kind as stored and sent: a moved occurrence is 'changed' on the wire. */
type ExceptionKind = OccurrenceException['kind'];

/**
 * Sessions: anyone reads them (the list holds active ones; one session is returned even when
 * archived, so a saved link can say it has ended). Staff publish, edit and archive (DELETE)
 * sessions at their venues, and make exceptions to the rule for one date: cancelled
 * (/cancellations) or moved (/changes), each undone by a DELETE of that date.
 */
/** listSessions' order: title, then id, as SQLite compares text. */
function compareSessions(a: Session, b: Session): number {
  return compareText(a.title, b.title) || a.id - b.id;
}

export function sessionRoutes(deps: RouterDeps & { sessionStore: SessionStore }) {
  const { db, cache, sessionStore } = deps;
  const { requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const own = ownSession(db);
  const allowed = sessionRule(db);

  /**
   * One write to a session's exceptions, checked against the session as it is when the write
   * lands (`plan` may refuse it with a 4xx): the exception changes, and so does its sequence.
   */
  function writeException(
    staff: StaffUser,
    id: number,
    action: string,
    change: (before: Session, at: string) => void,
  ): Session {
    return staffWrite({
      kind: SESSION,
      action,
      by: staff,
      current: () => getSession(db, id),
      allowed,
      refusal: SESSION_SCOPE,
      change: ({ before, at }) => {
        change(before, at);
        touchSessionSchedule(db, id, at);
        return id;
      },
    });
  }

  /** Back to what the rule says for `date`: a cancelled or moved occurrence, undone. */
  function removeException(staff: StaffUser, id: number, date: string, kind: ExceptionKind) {
    if (!isLocalDate(date)) {
      throw fieldError('date', 'Give a real date as YYYY-MM-DD, for example 2027-03-30');
    }
    const action = kind === 'cancelled' ? 'reinstate-occurrence' : 'undo-change';
    return writeException(staff, id, action, (before) => {
      if (!before.exceptions.some((e) => e.date === date && e.kind === kind)) {
        throw apiError(
          404,
          'not_found',
          kind === 'cancelled'
            ? `The occurrence on ${date} is not cancelled`
            : `The occurrence on ${date} has not been changed`,
        );
      }
      deleteException(db, id, date);
    });
  }

  return createRouter()
    .get('/sessions', validQuery(SessionQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const key = `sessions:${JSON.stringify([q.venue, q.group, q.way])}`;
      // From the sessions held in memory, sorted and serialised a slice at a time.
      const list = await memoJsonList(cache, key, 'items', function* (writer) {
        const items = sessionStore
          .sessions()
          .filter(
            (s) =>
              (q.venue === undefined || s.venue.slug === q.venue) &&
              (q.group === undefined || s.group === q.group) &&
              (q.way === undefined || s.ways.includes(q.way)),
          );
        yield* sortInSlices(items, compareSessions);
        for (const session of items) {
          writer.add(JSON.stringify(session));
          yield;
        }
      });
      return sendJsonList(c, list, {});
    })

    .get('/sessions/:id', validParams(IdParamSchema), (c) => {
      const { id } = c.req.valid('param');
      return sendCachedJson(c, cache, `session:${id}`, () => {
        const session = Number.isSafeInteger(id) ? getSession(db, id) : null;
        if (!session) throw notFound('session with that id');
        return session;
      });
    })

    .post('/sessions', requireStaff, validJson(SessionInputSchema), (c) => {
      const staff = c.var.staff;
      const input = c.req.valid('json');
      const session = staffWrite({
        kind: SESSION,
        action: 'create',
        by: staff,
        allowed,
        refusal: 'You can only publish sessions at the venues you look after, in their groups',
        change: ({ at }) => {
          checkSessionReferences(db, input);
          return insertSession(db, input, at);
        },
      });
      return c.json(session, 201);
    })

    .patch('/sessions/:id', requireStaff, own, validJson(SessionPatchSchema), async (c) => {
      const { staff, before: atStart } = c.var;
      const sent = await sentFields(c, c.req.valid('json'));
      refuseSourceOwned(atStart, sent);
      // Nothing to change against the session as it was a moment ago: answer it, write nothing.
      if (mergeSent(atStart, sent).unchanged) return c.json(atStart);
      const session = staffWrite({
        kind: SESSION,
        action: 'update',
        by: staff,
        // Merged into the session as it is when the write lands, so a newer change is kept.
        current: () => getSession(db, atStart.id),
        allowed,
        refusal: SESSION_SCOPE,
        change: ({ before, at }) => {
          refuseSourceOwned(before, sent);
          const { merged, step } = mergeSent(before, sent);
          checkSessionReferences(db, sent);
          updateSession(db, before.id, merged, step, at);
          return before.id;
        },
      });
      return c.json(session);
    })

    .delete('/sessions/:id', requireStaff, own, (c) => {
      const { staff, before: atStart } = c.var;
      if (atStart.status === 'archived') return c.body(null, 204);
      refuseArchiveOfImported(atStart);
      staffWrite({
        kind: SESSION,
        action: 'archive',
        by: staff,
        current: () => getSession(db, atStart.id),
        allowed,
        refusal: SESSION_SCOPE,
        change: ({ before, at }) => {
          if (before.status !== 'archived') archiveSession(db, before.id, at);
          return before.id;
        },
      });
      return c.body(null, 204);
    })

    .post(
      '/sessions/:id/cancellations',
      requireStaff,
      own,
      validJson(CancellationInputSchema),
      (c) => {
        const { staff, before: atStart } = c.var;
        const { date, reason } = c.req.valid('json');
        const exception: OccurrenceException = {
          date,
          kind: 'cancelled',
          reason,
          newDate: null,
          startTime: null,
          endTime: null,
          venueSlug: null,
        };
        const session = writeException(staff, atStart.id, 'cancel-occurrence', (before, at) => {
          requireActive(before);
          if (!isRuleDate(before, date)) {
            throw fieldError('date', `${date} is not a date this session happens on`);
          }
          upsertException(db, before.id, exception, at);
        });
        return c.json(session, 201);
      },
    )

    .post(
      '/sessions/:id/changes',
      requireStaff,
      own,
      validJson(OccurrenceChangeInputSchema),
      (c) => {
        const { staff, before: atStart } = c.var;
        const move = c.req.valid('json');
        const exception: OccurrenceException = {
          date: move.date,
          kind: 'changed',
          reason: move.reason,
          newDate: move.newDate,
          startTime: move.startTime,
          endTime: move.endTime,
          venueSlug: move.venue,
        };
        const session = writeException(staff, atStart.id, 'change-occurrence', (before, at) => {
          requireActive(before);
          const issues = movedOccurrenceIssues(before, move);
          if (issues.length > 0) throw invalidFields(issues);
          if (move.venue !== null) checkSessionReferences(db, { venue: move.venue });
          upsertException(db, before.id, exception, at);
        });
        return c.json(session, 201);
      },
    )

    .delete('/sessions/:id/cancellations/:date', requireStaff, own, (c) =>
      c.json(removeException(c.var.staff, c.var.before.id, c.req.param('date'), 'cancelled')),
    )

    .delete('/sessions/:id/changes/:date', requireStaff, own, (c) =>
      c.json(removeException(c.var.staff, c.var.before.id, c.req.param('date'), 'changed')),
    );
}
