// Applies an import plan to a linked group's sessions in one transaction, each change through the
// ordinary session write (staffWrite), so the audit log, the read cache and the feeds see an
// imported change exactly as they see a staff one.
import {
  addDays,
  describeRecurrence,
  isRuleDate,
  isWebAddress,
  ruleDates,
  SessionInputSchema,
  type ImportReportLine,
  type OccurrenceException,
  type Recurrence,
  type SessionInput,
  type SourceOwnedField,
} from '@fiveways/shared';
import { createStaffWrite, type WriteDeps } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { changesSchedule, sessionToInput } from '../sessions/session-input.ts';
import { SESSION } from '../sessions/sessions.policy.ts';
import {
  archiveSession,
  getSession,
  insertSession,
  updateSession,
} from '../sessions/sessions.queries.ts';
import { venueExists } from '../venues/venues.queries.ts';
import { importedSessionIds, type RunCounts, type StoredLink } from './calendar-links.queries.ts';
import type { ImportDefaults, ImportPlan, PlannedSession } from './plan-import.ts';

/** Field names as a report says them. */
const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  venue: 'venue',
  startDate: 'first date',
  startTime: 'start time',
  endTime: 'end time',
  repeat: 'how often',
  until: 'last date',
  count: 'number of times',
};

export const CANCELLED_IN_SOURCE = 'Cancelled in the group’s calendar';

export interface ApplyOptions {
  /** Who pressed "Import now", or null for the scheduler. */
  by: { id: number } | null;
  defaults: ImportDefaults;
  /** London's date today, and how far ahead a cancelled series' dates are cancelled. */
  today: string;
  windowDays: number;
}

export interface ApplyResult {
  counts: RunCounts;
  report: ImportReportLine[];
}

/** The fields a planned session owns: its words and times, and its venue when the calendar named one. */
export function ownedFields(planned: PlannedSession, defaults: ImportDefaults): SourceOwnedField[] {
  const fields: SourceOwnedField[] = [
    'title',
    'description',
    'startDate',
    'startTime',
    'endTime',
    'repeat',
    'until',
    'count',
  ];
  if (planned.venue !== defaults.venue) fields.push('venue');
  return fields;
}

/** Exceptions the source wrote for a session, in date order. */
function sourceExceptions(db: Db, sessionId: number): OccurrenceException[] {
  return (
    db
      .prepare(
        `SELECT date, kind, reason, new_date AS newDate, start_time AS startTime,
           end_time AS endTime, venue_slug AS venueSlug
         FROM session_exceptions WHERE session_id = ? AND from_source = 1 ORDER BY date`,
      )
      .all(sessionId) as OccurrenceException[]
  ).map((e) => ({ ...e }));
}

/** Replaces the source's exceptions; a staff-made one on the same date stays and wins. */
function writeSourceExceptions(
  db: Db,
  sessionId: number,
  exceptions: readonly OccurrenceException[],
  at: string,
): void {
  db.prepare('DELETE FROM session_exceptions WHERE session_id = ? AND from_source = 1').run(
    sessionId,
  );
  const insert = db.prepare(
    `INSERT INTO session_exceptions (session_id, date, kind, reason, new_date, start_time,
       end_time, venue_slug, updated_at, from_source)
     VALUES (@sessionId, @date, @kind, @reason, @newDate, @startTime, @endTime, @venueSlug, @at, 1)
     ON CONFLICT (session_id, date) DO NOTHING`,
  );
  for (const e of exceptions) insert.run({ ...e, sessionId, at });
}

function markImported(
  db: Db,
  sessionId: number,
  linkId: number,
  sourceKey: string,
  owned: readonly string[],
): void {
  db.prepare(
    `UPDATE sessions SET import_link_id = ?, import_source_key = ?, import_owned = ? WHERE id = ?`,
  ).run(linkId, sourceKey, JSON.stringify(owned), sessionId);
}

/** The exceptions a planned session keeps: only those on dates its rule gives, in date order. */
function validExceptions(
  input: SessionInput,
  exceptions: readonly OccurrenceException[],
): OccurrenceException[] {
  const r: Recurrence = { ...input, exceptions: [] };
  const byDate = new Map<string, OccurrenceException>();
  for (const e of exceptions) {
    if (input.repeat === null ? e.date === input.startDate : isRuleDate(r, e.date)) {
      byDate.set(e.date, e);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every date in the window a cancelled series would have had, as cancellations. */
function cancelWholeSeries(
  input: SessionInput,
  today: string,
  windowDays: number,
): OccurrenceException[] {
  const r: Recurrence = { ...input, exceptions: [] };
  const dates =
    input.repeat === null ? [input.startDate] : ruleDates(r, today, addDays(today, windowDays));
  return dates.map((date) => ({
    date,
    kind: 'cancelled',
    reason: CANCELLED_IN_SOURCE,
    newDate: null,
    startTime: null,
    endTime: null,
    venueSlug: null,
  }));
}

function firstIssue(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}) {
  const issue = error.issues[0];
  return issue === undefined ? 'it is not a session we can publish' : issue.message;
}

function whenOf(input: SessionInput, today: string): string {
  return describeRecurrence({ ...input, exceptions: [] }, { today });
}

/**
 * Makes the group's imported sessions match the plan: new events added, known ones (by source
 * key) updated in place, events gone from the calendar archived. All in one transaction: a
 * failure leaves every session as it was. Fields the calendar does not own stay as staff left
 * them; exceptions staff made stay too.
 */
export function applyPlan(
  deps: WriteDeps,
  link: StoredLink,
  plan: ImportPlan,
  options: ApplyOptions,
): ApplyResult {
  const { db, cache } = deps;
  const staffWrite = createStaffWrite(deps);
  const counts: RunCounts = {
    added: 0,
    updated: 0,
    archived: 0,
    skipped: plan.skipped.length,
    expanded: plan.expanded.length,
  };
  const report: ImportReportLine[] = [];
  const touched: number[] = [];
  const cancelledSeries = new Set(plan.cancelledSeries);
  const { defaults } = options;

  function apply() {
    const known = importedSessionIds(db, link.id);
    const seen = new Set<string>();

    for (const planned of plan.sessions) {
      if (seen.has(planned.sourceKey)) continue;
      seen.add(planned.sourceKey);
      const ownedList = ownedFields(planned, defaults);
      const id = known.get(planned.sourceKey);
      const current = id === undefined ? null : getSession(db, id);
      if (!venueExists(db, planned.venue)) {
        counts.skipped += 1;
        report.push({
          kind: 'skipped',
          title: planned.title,
          text: `there is no venue "${planned.venue}"`,
        });
        continue;
      }
      const owned = {
        title: planned.title,
        description: planned.description,
        venue: planned.venue,
        startDate: planned.startDate,
        startTime: planned.startTime,
        endTime: planned.endTime,
        repeat: planned.repeat,
        until: planned.until,
        count: planned.count,
      };
      // New: the group's defaults under the calendar's fields; known: the staff's fields kept.
      const checked = SessionInputSchema.safeParse(
        current === null
          ? {
              ...owned,
              ways: defaults.ways,
              audiences: defaults.audiences,
              group: link.group,
              ...(isWebAddress(planned.url) && planned.url.length <= 300
                ? { contact: { name: '', phone: '', email: '', website: planned.url } }
                : {}),
            }
          : { ...sessionToInput(current), ...owned },
      );
      if (!checked.success) {
        counts.skipped += 1;
        report.push({
          kind: 'skipped',
          title: planned.title,
          text: firstIssue(checked.error),
        });
        continue;
      }
      const input = checked.data;
      const exceptions = validExceptions(
        input,
        cancelledSeries.has(planned.sourceKey)
          ? cancelWholeSeries(input, options.today, options.windowDays)
          : planned.exceptions,
      );

      if (current === null) {
        const session = staffWrite({
          kind: SESSION,
          action: 'import-add',
          by: options.by,
          allowed: true,
          change: ({ at }) => {
            const newId = insertSession(db, input, at);
            markImported(db, newId, link.id, planned.sourceKey, ownedList);
            writeSourceExceptions(db, newId, exceptions, at);
            return newId;
          },
        });
        touched.push(session.id);
        counts.added += 1;
        // One-offs expanded from a rule are reported once, by the expanded line below.
        if (planned.expandedFrom === null) {
          report.push({ kind: 'added', title: input.title, text: whenOf(input, options.today) });
        }
        continue;
      }

      const before = sessionToInput(current);
      const changedFields = Object.keys(input).filter(
        (k) =>
          JSON.stringify(input[k as keyof SessionInput]) !==
          JSON.stringify(before[k as keyof SessionInput]),
      );
      const exceptionsChanged =
        JSON.stringify(sourceExceptions(db, current.id)) !== JSON.stringify(exceptions);
      const ownedChanged = JSON.stringify(current.sourceOwned ?? []) !== JSON.stringify(ownedList);
      const revived = current.status === 'archived';
      if (changedFields.length === 0 && !exceptionsChanged && !ownedChanged && !revived) continue;

      staffWrite({
        kind: SESSION,
        action: 'import-update',
        by: options.by,
        allowed: true,
        current: () => getSession(db, current.id),
        change: ({ before: latest, at }) => {
          const step: 0 | 1 =
            changesSchedule(sessionToInput(latest), input) || exceptionsChanged || revived ? 1 : 0;
          updateSession(db, latest.id, input, step, at);
          if (revived)
            db.prepare("UPDATE sessions SET status = 'active' WHERE id = ?").run(latest.id);
          writeSourceExceptions(db, latest.id, exceptions, at);
          markImported(db, latest.id, link.id, planned.sourceKey, ownedList);
          return latest.id;
        },
      });
      touched.push(current.id);
      counts.updated += 1;
      if (planned.expandedFrom !== null && !cancelledSeries.has(planned.sourceKey)) continue;
      const what = [
        ...changedFields,
        ...(exceptionsChanged ? ['dates'] : []),
        ...(revived ? ['back in the calendar'] : []),
      ];
      report.push({
        kind: cancelledSeries.has(planned.sourceKey) ? 'cancelled' : 'updated',
        title: input.title,
        text: cancelledSeries.has(planned.sourceKey)
          ? `${CANCELLED_IN_SOURCE}: its dates are shown as cancelled`
          : `Changed: ${what.map((f) => FIELD_WORDS[f] ?? f).join(', ') || 'its details'}`,
      });
    }

    // A cancelled series the plan left out: its dates are cancelled, the session kept.
    for (const uid of cancelledSeries) {
      const id = known.get(uid);
      if (seen.has(uid) || id === undefined) continue;
      seen.add(uid);
      const current = getSession(db, id);
      if (current === null || current.status !== 'active') continue;
      const input = sessionToInput(current);
      const exceptions = cancelWholeSeries(input, options.today, options.windowDays);
      if (JSON.stringify(sourceExceptions(db, id)) === JSON.stringify(exceptions)) continue;
      staffWrite({
        kind: SESSION,
        action: 'import-update',
        by: options.by,
        allowed: true,
        current: () => getSession(db, id),
        change: ({ at }) => {
          writeSourceExceptions(db, id, exceptions, at);
          db.prepare(
            'UPDATE sessions SET sequence = sequence + 1, updated_at = ? WHERE id = ?',
          ).run(at, id);
          return id;
        },
      });
      touched.push(id);
      counts.updated += 1;
      report.push({
        kind: 'cancelled',
        title: current.title,
        text: `${CANCELLED_IN_SOURCE}: its dates are shown as cancelled`,
      });
    }

    // Gone from the calendar: archived here, not left behind. One that has ended is left as it
    // was: calendars drop (and the planner does not expand) what is past.
    for (const [key, id] of known) {
      if (seen.has(key)) continue;
      const current = getSession(db, id);
      if (current === null || current.status !== 'active') continue;
      const ended =
        (current.repeat === null && current.startDate < options.today) ||
        (current.until !== null && current.until < options.today);
      if (ended) continue;
      staffWrite({
        kind: SESSION,
        action: 'import-archive',
        by: options.by,
        allowed: true,
        current: () => getSession(db, id),
        change: ({ at }) => {
          archiveSession(db, id, at);
          return id;
        },
      });
      touched.push(id);
      counts.archived += 1;
      report.push({
        kind: 'archived',
        title: current.title,
        text: 'No longer in the group’s calendar, so archived here',
      });
    }
  }

  try {
    db.transaction(apply).immediate();
  } catch (error) {
    // The stores were told of writes that have just been rolled back: they read them again.
    if (touched.length > 0) cache?.invalidate({ sessions: touched });
    throw error;
  }

  for (const s of plan.skipped) {
    report.push({ kind: 'skipped', title: s.title, text: s.reason });
  }
  if (plan.capped) {
    report.push({
      kind: 'skipped',
      title: 'The rest of the calendar',
      text: `the calendar holds ${plan.capped.found} events; only the first ${plan.capped.read} were read`,
    });
  }
  for (const e of plan.expanded) {
    report.push({
      kind: 'expanded',
      title: e.title,
      text: `${e.reason}: added as ${e.oneOffs} one-off ${e.oneOffs === 1 ? 'session' : 'sessions'}`,
    });
  }
  return { counts, report };
}

/** A session as the report names it; exported for the routes' previews. */
export function describePlanned(planned: PlannedSession, today: string): string {
  return describeRecurrence(
    {
      startDate: planned.startDate,
      startTime: planned.startTime,
      endTime: planned.endTime,
      repeat: planned.repeat,
      until: planned.until,
      count: planned.count,
      skipBankHolidays: false,
      exceptions: [],
    },
    { today },
  );
}
