// The one way the directory and the accounts change: the access rule's verdict, then one
// transaction holding the change and its audit entry, then exactly the cached read output that
// the change touched is dropped.
import type { DataChange, ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { forbidden } from '../http/errors.ts';
import { recordAudit, type AuditEntity } from './audit.queries.ts';

export interface WriteDeps {
  db: Db;
  /** The read cache of this process; null where there is none (the command line, start-up). */
  cache: ReadCache | null;
  clock: () => Date;
}

/** How one kind of record is named in the audit log, read back after a write, and shown. */
export interface AuditedKind<K, T> {
  entity: AuditEntity;
  /** The audit entry's entity id for the record's key. */
  idOf(key: K): string;
  /** The record as it now is, or null once it has left view. */
  load(db: Db, key: K): T | null;
  /** What the audit entry keeps as `after`, when that is not the whole record. */
  audited?(record: T): unknown;
  /** The public output a write to it changes; absent for a record no public page shows. */
  publicChange?(key: K): DataChange;
}

export interface StaffWrite<K, T> {
  kind: AuditedKind<K, T>;
  /** What is done, e.g. 'update'; the audit entry's action is then 'group.update'. */
  action: string;
  /** Who does it; null for the service itself (the first admin at start-up). */
  by: { id: number } | null;
  /** The access rule's verdict on this change: false is a 403, and nothing is written. */
  allowed: boolean;
  /** The 403's message, saying what this person may do instead. */
  refusal?: string;
  /** The record before the change, for the audit entry; null when it is new. */
  before: unknown;
  /** Makes the change inside the transaction, at `at` (`now` as a Date); returns the key. */
  change(at: string, now: Date): K;
  /**
   * 'none' when the audit entry keeps no after (the record left view, as an archived group does,
   * or must not be copied, as a password must not); the write then returns null.
   */
  after?: 'read back' | 'none';
}

/** The record as it is after the change, read inside the change's own transaction. */
function readBack<K, T>(db: Db, kind: AuditedKind<K, T>, key: K): T {
  const record = kind.load(db, key);
  if (record === null) {
    throw new Error(`${kind.entity} ${kind.idOf(key)} vanished inside its own transaction`);
  }
  return record;
}

/**
 * `staffWrite(...)` for one app: refuses with a 403 when the access rule says no; otherwise runs
 * the change and records its audit entry (before and after) in one immediate transaction, so
 * either both are stored or neither is, then drops the cached output the record's kind says a
 * write changes. Returns the record as it now is.
 */
export function createStaffWrite({ db, cache, clock }: WriteDeps) {
  function staffWrite<K, T>(write: StaffWrite<K, T> & { after?: 'read back' }): T;
  function staffWrite<K, T>(write: StaffWrite<K, T> & { after: 'none' }): null;
  function staffWrite<K, T>(write: StaffWrite<K, T>): T | null {
    const { kind } = write;
    if (!write.allowed) throw forbidden(write.refusal);
    const now = clock();
    const at = now.toISOString();
    const { key, after } = db
      .transaction(() => {
        const key = write.change(at, now);
        const after = write.after === 'none' ? null : readBack(db, kind, key);
        recordAudit(db, {
          userId: write.by?.id ?? null,
          at,
          action: `${kind.entity}.${write.action}`,
          entity: kind.entity,
          entityId: kind.idOf(key),
          before: write.before,
          after: after !== null && kind.audited ? kind.audited(after) : after,
        });
        return { key, after };
      })
      .immediate();
    const change = kind.publicChange?.(key);
    if (change !== undefined) cache?.invalidate(change);
    return after;
  }
  return staffWrite;
}
