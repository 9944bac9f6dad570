// "What changed this week" for the staff home: the audit log of the last seven days, summed up
// as new, changed and cancelled sessions and groups and venue closures, only what the person may
// see. Pure over the entries, so the summary's rules are tested without a server.
import { formatShortDate, type RecentChange, type RecentChanges } from '@fiveways/shared';
import { z } from 'zod';
import type { Db } from '../db/open-db.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { canManageVenue } from '../venues/venues.policy.ts';

/** The part of an audit entry the summary reads. */
export interface ChangeEntry {
  id: number;
  at: string;
  by: string;
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const ExceptionShape = z.object({ date: z.string(), kind: z.string(), reason: z.string() });
const SessionShape = z.object({
  title: z.string(),
  venue: z.object({ slug: z.string() }),
  exceptions: z.array(ExceptionShape),
});
const GroupShape = z.object({ name: z.string(), venueSlug: z.string().nullable() });
const ClosureShape = z.object({
  venue: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  occurrences: z.array(z.object({ sessionId: z.number(), date: z.string() })),
});

/** How many lines the list holds; the counts cover everything. */
export const RECENT_CHANGES_SHOWN = 20;

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** The dates a session write newly cancelled, with their reasons. */
function newlyCancelled(
  before: z.infer<typeof SessionShape> | null,
  after: z.infer<typeof SessionShape>,
) {
  return after.exceptions.filter(
    (e) =>
      e.kind === 'cancelled' &&
      !(before?.exceptions ?? []).some((b) => b.date === e.date && b.kind === 'cancelled'),
  );
}

function dayOf(date: string): string {
  return formatShortDate(date).replace(/ \d{4}$/, '');
}

/** The summary of `entries` (oldest first) that `staff` may see, newest first. */
export function summariseChanges(
  entries: readonly ChangeEntry[],
  staff: StaffUser,
  since: string,
): RecentChanges {
  const counts = { new: 0, changed: 0, cancelled: 0, closure: 0 };
  const items: RecentChange[] = [];
  // Cancellations and reinstatements a closure made are told as the closure, not one by one.
  const closureWrites = new Set<string>();
  for (const entry of entries) {
    if (entry.action !== 'closure.create' && entry.action !== 'closure.undo') continue;
    const closure = parsed(ClosureShape, entry.after);
    for (const o of closure?.occurrences ?? [])
      closureWrites.add(`${o.sessionId} ${o.date} ${closure?.reason ?? ''}`);
  }
  const add = (item: RecentChange, kind: keyof typeof counts) => {
    counts[kind] += 1;
    items.push(item);
  };
  for (const entry of entries) {
    const [entity, action] = entry.action.split('.');
    if (entity === 'session') {
      const after = parsed(SessionShape, entry.after);
      const before = parsed(SessionShape, entry.before);
      const shown = after ?? before;
      if (shown === null) continue;
      const visible =
        canManageVenue(staff, shown.venue.slug) ||
        (before !== null && canManageVenue(staff, before.venue.slug));
      if (!visible) continue;
      const base = {
        at: entry.at,
        title: shown.title,
        href: `/staff/sessions/${entry.entityId}`,
        by: entry.by,
      };
      if (action === 'create' || action === 'import-add') {
        const detail = action === 'create' ? 'Published' : 'Imported from the group’s calendar';
        add({ ...base, kind: 'new', detail }, 'new');
      } else if (action === 'cancel-occurrence' && after !== null) {
        const cancelled = newlyCancelled(before, after).filter(
          (e) => !closureWrites.has(`${entry.entityId} ${e.date} ${e.reason}`),
        );
        if (cancelled.length === 0) continue;
        const detail = cancelled
          .map((e) => `${dayOf(e.date)}: ${e.reason || 'no reason given'}`)
          .join('; ');
        add({ ...base, kind: 'cancelled', detail }, 'cancelled');
      } else if (action === 'reinstate-occurrence') {
        // A closure's undo is told by the closure; a single reinstatement is a change.
        const back = (before?.exceptions ?? []).filter(
          (e) =>
            e.kind === 'cancelled' &&
            !(after?.exceptions ?? []).some((a) => a.date === e.date && a.kind === 'cancelled'),
        );
        if (back.some((e) => closureWrites.has(`${entry.entityId} ${e.date} ${e.reason}`)))
          continue;
        add(
          {
            ...base,
            kind: 'changed',
            detail: back.map((e) => `${dayOf(e.date)} back on`).join('; ') || 'Date back on',
          },
          'changed',
        );
      } else if (action === 'archive' || action === 'import-archive') {
        const detail =
          action === 'archive' ? 'Archived' : 'Archived: gone from the group’s calendar';
        add({ ...base, kind: 'changed', detail, href: null }, 'changed');
      } else if (action === 'import-update') {
        add({ ...base, kind: 'changed', detail: 'Updated from the group’s calendar' }, 'changed');
      } else if (action === 'change-occurrence' || action === 'undo-change') {
        add({ ...base, kind: 'changed', detail: 'One date moved' }, 'changed');
      } else {
        add({ ...base, kind: 'changed', detail: 'Details edited' }, 'changed');
      }
    } else if (entity === 'group') {
      const shown = parsed(GroupShape, entry.after) ?? parsed(GroupShape, entry.before);
      if (shown === null || !canManageVenue(staff, shown.venueSlug)) continue;
      const base = {
        at: entry.at,
        title: shown.name,
        href: `/staff/groups/${entry.entityId}`,
        by: entry.by,
      };
      if (action === 'create') add({ ...base, kind: 'new', detail: 'Group added' }, 'new');
      else
        add(
          {
            ...base,
            kind: 'changed',
            detail: action === 'archive' ? 'Archived' : 'Details edited',
          },
          'changed',
        );
    } else if (entity === 'closure') {
      const closure = parsed(ClosureShape, entry.after);
      if (closure === null || !canManageVenue(staff, closure.venue.slug)) continue;
      const range =
        closure.from === closure.to
          ? dayOf(closure.from)
          : `${dayOf(closure.from)} – ${dayOf(closure.to)}`;
      const n = closure.occurrences.length;
      const dates = `${n} ${n === 1 ? 'date' : 'dates'}`;
      add(
        {
          at: entry.at,
          kind: 'closure',
          title: `${closure.venue.name} closed ${range}`,
          href: '/staff/closures',
          by: entry.by,
          detail:
            action === 'undo'
              ? `Closure undone: ${dates} back on`
              : `${closure.reason} (${dates} cancelled)`,
        },
        'closure',
      );
    }
  }
  return { since, counts, items: items.reverse().slice(0, RECENT_CHANGES_SHOWN) };
}

interface EntryRow {
  id: number;
  at: string;
  name: string | null;
  email: string | null;
  action: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** The audit entries about sessions, groups and closures since `since` (UTC ISO), oldest first. */
export function listChangeEntries(db: Db, since: string): ChangeEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, u.name, u.email, a.action, a.entity_id, a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.at >= ? AND a.entity IN ('session', 'group', 'closure') ORDER BY a.id`,
    )
    .all(since) as EntryRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    by: row.name || row.email || 'The service',
    action: row.action,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
