// The one way the directory and the accounts change: one transaction that reads the author's
// account and the record as they are when the write lands, makes the change, asks the access
// rule and keeps the audit entry; then exactly the cached read output the change touched is
// dropped.
import type { DataChange, ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { apiError, forbidden, notFound } from '../http/errors.ts';
import { findActiveStaff, type StaffUser } from '../users/users.queries.ts';
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
  /** What a 404 names when the record has gone by the time a write lands, e.g. 'session with that id'. */
  missing: string;
}

/** A record on both sides of a write: as it was (null: new) and as the write leaves it. */
export interface WriteSides<B, T> {
  before: B;
  /** Read back inside the transaction; null when the write keeps no after (`after: 'none'`). */
  after: T | null;
}

/**
 * The access rule of one write, asked inside its transaction, after the change and before it is
 * kept: of the author's account as it now is (its role and venues at that moment) and of the
 * record before and after. A no rolls the whole write back.
 */
export type AccessRule<B, T> = (staff: StaffUser, sides: WriteSides<B, T>) => boolean;

interface WriteBase<K, T> {
  kind: AuditedKind<K, T>;
  /** What is done, e.g. 'update'; the audit entry's action is then 'group.update'. */
  action: string;
  /**
   * Who does it. A person's account is read again inside the transaction: gone or disabled by
   * then, the write is a 401 and nothing is written. null for the service itself (the first
   * admin at start-up).
   */
  by: { id: number } | null;
  /** The 403's message, saying what this person may do instead. */
  refusal?: string;
  /**
   * 'none' when the audit entry keeps no after (the record left view, as an archived group does,
   * or must not be copied, as a password must not); the write then returns null.
   */
  after?: 'read back' | 'none';
}

/** A write to a record that exists. */
export interface ChangeWrite<K, T, B> extends WriteBase<K, T> {
  /**
   * Reads the record inside the transaction, so that the rule, the change and the audit entry see
   * it as it is when the write lands, not as it was when a slow request began: a change merges
   * into this, never into an earlier copy. null is a 404 (the kind's `missing`).
   */
  current: () => B | null;
  /** The access rule; `true` only where no one's rights over the record are involved. */
  allowed: true | AccessRule<B, T>;
  /** Makes the change inside the transaction, at `at` (`now` as a Date); returns the key. */
  change: (state: { before: B; at: string; now: Date }) => K;
}

/** A write that makes a record (or, like setting a password, has no before worth keeping). */
export interface CreateWrite<K, T> extends WriteBase<K, T> {
  current?: undefined;
  /**
   * The access rule; `true` only where no one's rights over the directory are involved: the
   * service itself, a one-time link's holder, one's own password.
   */
  allowed: true | AccessRule<null, T>;
  change: (state: { at: string; now: Date }) => K;
}

export type StaffWrite<K, T, B> = ChangeWrite<K, T, B> | CreateWrite<K, T>;

/** The account has gone or been disabled since the request began. */
function loginEnded() {
  return apiError(
    401,
    'not_logged_in',
    'Your login has ended (the account was disabled or removed); nothing was changed',
  );
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
 * `staffWrite(...)` for one app. In one immediate transaction: the author's account as it now
 * is (401 when gone or disabled), the record as it now is (404 when gone), the change, the
 * access rule asked of the account and of the record before and after (403 when it says no),
 * and the audit entry; either all of it is kept or none is. Then drops the cached output the
 * record's kind says a write changes. Returns the record as it now is.
 */
export function createStaffWrite({ db, cache, clock }: WriteDeps) {
  function staffWrite<K, T, B>(write: ChangeWrite<K, T, B> & { after?: 'read back' }): T;
  function staffWrite<K, T, B>(write: ChangeWrite<K, T, B> & { after: 'none' }): null;
  function staffWrite<K, T>(write: CreateWrite<K, T> & { after?: 'read back' }): T;
  function staffWrite<K, T>(write: CreateWrite<K, T> & { after: 'none' }): null;
  function staffWrite<K, T, B>(write: StaffWrite<K, T, B>): T | null {
    const { kind } = write;
    const now = clock();
    const at = now.toISOString();
    const { key, after } = db
      .transaction(() => {
        const staff = write.by === null ? null : findActiveStaff(db, write.by.id);
        if (write.by !== null && staff === null) throw loginEnded();

        let before: B | null = null;
        let key: K;
        if (write.current === undefined) {
          key = write.change({ at, now });
        } else {
          const current = write.current();
          if (current === null) throw notFound(kind.missing);
          before = current;
          key = write.change({ before: current, at, now });
        }
        const after = write.after === 'none' ? null : readBack(db, kind, key);

        if (write.allowed !== true) {
          const allowed =
            staff !== null &&
            (write.current === undefined
              ? write.allowed(staff, { before: null, after })
              : before !== null && write.allowed(staff, { before, after }));
          // Thrown inside the transaction: the change above is rolled back.
          if (!allowed) throw forbidden(write.refusal);
        }

        recordAudit(db, {
          userId: write.by?.id ?? null,
          at,
          action: `${kind.entity}.${write.action}`,
          entity: kind.entity,
          entityId: kind.idOf(key),
          before,
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
