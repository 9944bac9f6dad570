import { roleFrom, type AuditEntry } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import {
  changedFields,
  describeOccurrence,
  describeRecord,
  describeSpan,
  kindOf,
  type Place,
} from './audit-detail.ts';

/** What an audit entry can be about. */
export type AuditEntity =
  | 'session'
  | 'group'
  | 'venue'
  | 'area'
  | 'user'
  | 'closure'
  | 'school-holiday'
  | 'organisation'
  | 'suggestion'
  | 'conversation'
  | 'champion-contact'
  | 'calendar-link';

export interface AuditRecord {
  userId: number | null;
  at: string;
  /** What was done, e.g. `session.create`, `session.cancel-occurrence`, `user.reset`. */
  action: string;
  entity: AuditEntity;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Writes one audit entry; call inside the write's own transaction. */
export function recordAudit(db: Db, record: AuditRecord): void {
  db.prepare(
    `INSERT INTO audit_log (user_id, at, action, entity, entity_id, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.userId,
    record.at,
    record.action,
    record.entity,
    record.entityId,
    record.before === null || record.before === undefined ? null : JSON.stringify(record.before),
    record.after === null || record.after === undefined ? null : JSON.stringify(record.after),
  );
}

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  email: string | null;
  name: string | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** Which entries to list: a page of them, newest first, narrowed by any of the filters. */
export interface AuditFilter {
  limit: number;
  /** An entry id to page back from. */
  before: number | null;
  /** Entries about this venue, or a session or group held there. */
  venue?: string | null;
  /** Entries written by this account. */
  user?: number | null;
  /** An action (`session.cancel-occurrence`) or every action on an entity (`session`). */
  kind?: string | null;
}

// The venue a stored record is at: a session's venue, a group's, a closure's, or a venue itself.
const AT_VENUE = `(
  (a.entity = 'venue' AND a.entity_id = @venue)
  OR (a.entity = 'session' AND json_extract(coalesce(a.after, a.before), '$.venue.slug') = @venue)
  OR (a.entity = 'group' AND json_extract(coalesce(a.after, a.before), '$.venueSlug') = @venue)
  OR (a.entity = 'closure' AND json_extract(coalesce(a.after, a.before), '$.venue.slug') = @venue)
)`;

/** Newest first; `before` is an entry id to page back from. */
export function listAudit(db: Db, options: AuditFilter): AuditEntry[] {
  const params = {
    limit: options.limit,
    before: options.before,
    venue: options.venue ?? null,
    user: options.user ?? null,
    kind: options.kind ?? null,
  };
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.email, u.name, u.role, a.action, a.entity, a.entity_id,
              a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE (@before IS NULL OR a.id < @before)
         AND (@user IS NULL OR a.user_id = @user)
         AND (@kind IS NULL OR a.action = @kind OR a.entity = @kind)
         AND (@venue IS NULL OR ${AT_VENUE})
       ORDER BY a.id DESC LIMIT @limit`,
    )
    .all(params) as AuditRow[];
  const placeOf = placeNamer(db);
  const venuesOf = userVenueReader(db, placeOf);
  return rows.map((row) => {
    const before = row.before === null ? null : (JSON.parse(row.before) as unknown);
    const after = row.after === null ? null : (JSON.parse(row.after) as unknown);
    return {
      id: row.id,
      at: row.at,
      user:
        row.user_id === null
          ? null
          : { id: row.user_id, email: row.email ?? '', name: row.name ?? '' },
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before,
      after,
      kind: kindOf(row.action, before, after),
      actor:
        row.user_id === null || row.email === null
          ? null
          : {
              id: row.user_id,
              name: row.name ?? '',
              email: row.email,
              role: roleFrom(row.role ?? ''),
              venues: venuesOf(row.user_id),
            },
      record: describeRecord(row.entity, row.entity_id, before, after, placeOf),
      occurrence: row.action.startsWith('session.')
        ? describeOccurrence(row.entity, before, after, placeOf)
        : null,
      changed: changedFields(before, after),
      span: describeSpan(row.entity, before, after),
    };
  });
}

/** Venue names by slug, read once per list; a venue since removed keeps its slug as its name. */
function placeNamer(db: Db): (slug: string) => Place {
  const names = new Map(
    (db.prepare('SELECT slug, name FROM venues').all() as { slug: string; name: string }[]).map(
      (v) => [v.slug, v.name],
    ),
  );
  return (slug) => ({ slug, name: names.get(slug) ?? slug });
}

/** An account's venues as they are now, read once per account per list. */
function userVenueReader(db: Db, placeOf: (slug: string) => Place): (userId: number) => Place[] {
  const seen = new Map<number, Place[]>();
  const read = db.prepare(
    'SELECT venue_slug AS slug FROM user_venues WHERE user_id = ? ORDER BY venue_slug',
  );
  return (userId) => {
    let venues = seen.get(userId);
    if (venues === undefined) {
      venues = (read.all(userId) as { slug: string }[]).map((v) => placeOf(v.slug));
      seen.set(userId, venues);
    }
    return venues;
  };
}
