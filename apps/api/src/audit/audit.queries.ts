import type { AuditEntry } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

/** What an audit entry can be about. */
export type AuditEntity = 'session' | 'group' | 'venue' | 'area' | 'user' | 'organisation';

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
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** Newest first; `before` is an entry id to page back from. */
export function listAudit(db: Db, options: { limit: number; before: number | null }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.email, u.name, a.action, a.entity, a.entity_id, a.before, a.after
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE (@before IS NULL OR a.id < @before) ORDER BY a.id DESC LIMIT @limit`,
    )
    .all(options) as AuditRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    user:
      row.user_id === null
        ? null
        : { id: row.user_id, email: row.email ?? '', name: row.name ?? '' },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
