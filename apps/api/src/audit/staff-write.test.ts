import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { createReadCache, type DataChange } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { openTestDb, testClock } from '../test-support.ts';
import { insertUser } from '../users/users.queries.ts';
import { listAudit } from './audit.queries.ts';
import { createStaffWrite, type AuditedKind } from './staff-write.ts';

interface Note {
  slug: string;
  name: string;
}

function readNote(db: Db, slug: string): Note | null {
  const row = db.prepare('SELECT slug, name FROM areas WHERE slug = ?').get(slug) as
    Note | undefined;
  return row ?? null;
}

function setUp(publicChange?: (slug: string) => DataChange) {
  const db = openTestDb();
  const cache = createReadCache();
  const heard: (DataChange | null)[] = [];
  cache.subscribe((change) => heard.push(change));
  const kind: AuditedKind<string, Note> = {
    entity: 'area',
    idOf: (slug) => slug,
    load: readNote,
    missing: 'area with that name',
    ...(publicChange ? { publicChange } : {}),
  };
  const staffWrite = createStaffWrite({ db, cache, clock: testClock });
  const keeper = {
    id: insertUser(
      db,
      { email: 'k@example.org', name: 'Keeper', role: 'admin', venues: [], passwordHash: null },
      testClock().toISOString(),
    ),
  };
  const rename =
    (slug: string, name: string) =>
    ({ at }: { at: string }) => {
      db.prepare('UPDATE areas SET name = ?, updated_at = ? WHERE slug = ?').run(name, at, slug);
      return slug;
    };
  return { db, cache, heard, kind, staffWrite, rename, keeper };
}

describe('staffWrite', () => {
  it('stores the change and its audit entry together, and says what changed', () => {
    const { db, heard, kind, staffWrite, rename, keeper } = setUp((slug) => ({
      venues: [slug],
    }));
    const after = staffWrite({
      kind,
      action: 'update',
      by: keeper,
      current: () => readNote(db, 'warndon'),
      allowed: true,
      change: rename('warndon', 'Warndon Villages'),
    });
    expect(after).toEqual({ slug: 'warndon', name: 'Warndon Villages' });
    expect(listAudit(db, { limit: 5, before: null })).toEqual([
      expect.objectContaining({
        at: testClock().toISOString(),
        user: { id: keeper.id, email: 'k@example.org', name: 'Keeper' },
        action: 'area.update',
        entity: 'area',
        entityId: 'warndon',
        before: { slug: 'warndon', name: 'Warndon' },
        after: { slug: 'warndon', name: 'Warndon Villages' },
      }),
    ]);
    expect(heard).toEqual([{ venues: ['warndon'] }]);
  });

  it('refuses with a 403 before anything is written or dropped', () => {
    const { db, cache, heard, kind, staffWrite, rename, keeper } = setUp(() => ({}));
    const version = cache.version();
    expect(() =>
      staffWrite({
        kind,
        action: 'update',
        by: keeper,
        current: () => readNote(db, 'warndon'),
        allowed: () => false,
        refusal: 'Only the keeper of Warndon may',
        change: rename('warndon', 'Taken over'),
      }),
    ).toThrow(HTTPException);
    expect(readNote(db, 'warndon')?.name).toBe('Warndon');
    expect(listAudit(db, { limit: 5, before: null })).toEqual([]);
    expect([cache.version(), heard]).toEqual([version, []]);
  });

  it('keeps neither the change nor its audit entry when the change fails half way', () => {
    const { db, heard, kind, staffWrite, rename, keeper } = setUp(() => ({}));
    expect(() =>
      staffWrite({
        kind,
        action: 'update',
        by: keeper,
        allowed: true,
        change: ({ at }) => {
          rename('warndon', 'Half done')({ at });
          throw new Error('the disk is full');
        },
      }),
    ).toThrow('the disk is full');
    expect(readNote(db, 'warndon')?.name).toBe('Warndon');
    expect(listAudit(db, { limit: 5, before: null })).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('leaves the read cache alone for a record no public page shows', () => {
    const { cache, heard, kind, staffWrite, rename } = setUp();
    const version = cache.version();
    staffWrite({
      kind,
      action: 'update',
      by: null,
      allowed: true,
      change: rename('warndon', 'Private'),
    });
    expect([cache.version(), heard]).toEqual([version, []]);
  });

  it('keeps no after when told, and says a record that vanished did', () => {
    const { db, kind, staffWrite } = setUp(() => ({}));
    const gone = staffWrite({
      kind,
      action: 'archive',
      by: null,
      current: () => readNote(db, 'warndon'),
      allowed: true,
      after: 'none',
      change: () => 'warndon',
    });
    expect(gone).toBeNull();
    expect(listAudit(db, { limit: 1, before: null })[0]?.after).toBeNull();
    expect(() =>
      staffWrite({
        kind,
        action: 'update',
        by: null,
        allowed: true,
        change: () => 'x',
      }),
    ).toThrow('area x vanished inside its own transaction');
  });

  it('reads the author again inside the transaction: a disabled account writes nothing, not even its audit entry', () => {
    const { db, heard, kind, staffWrite, rename, keeper } = setUp(() => ({}));
    db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(keeper.id);
    const attempt = () =>
      staffWrite({
        kind,
        action: 'update',
        by: keeper,
        current: () => readNote(db, 'warndon'),
        allowed: true,
        change: rename('warndon', 'Too late'),
      });
    expect(attempt).toThrow(HTTPException);
    try {
      attempt();
    } catch (error) {
      expect(error instanceof HTTPException && error.status).toBe(401);
    }
    expect(readNote(db, 'warndon')?.name).toBe('Warndon');
    expect(listAudit(db, { limit: 5, before: null })).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('asks the rule of the account as it now is, and rolls the change back when it says no', () => {
    const { db, kind, staffWrite, rename, keeper } = setUp(() => ({}));
    // The request began as an admin; by the time it lands the account is staff.
    db.prepare("UPDATE users SET role = 'staff' WHERE id = ?").run(keeper.id);
    const seen: string[] = [];
    expect(() =>
      staffWrite({
        kind,
        action: 'update',
        by: { id: keeper.id },
        current: () => readNote(db, 'warndon'),
        allowed: (staff, { before, after }) => {
          seen.push(`${staff.role}: ${before.name} -> ${after?.name ?? ''}`);
          return staff.role === 'admin';
        },
        change: rename('warndon', 'Taken over'),
      }),
    ).toThrow('Your account is not allowed to do this');
    expect(seen).toEqual(['staff: Warndon -> Taken over']);
    expect(readNote(db, 'warndon')?.name).toBe('Warndon');
    expect(listAudit(db, { limit: 5, before: null })).toEqual([]);
  });

  it('is a 404 when the record has gone by the time the write lands', () => {
    const { db, kind, staffWrite, rename, keeper } = setUp(() => ({}));
    expect(() =>
      staffWrite({
        kind,
        action: 'update',
        by: keeper,
        current: () => readNote(db, 'no-such-area'),
        allowed: true,
        change: rename('no-such-area', 'x'),
      }),
    ).toThrow('There is no area with that name');
    expect(listAudit(db, { limit: 5, before: null })).toEqual([]);
  });
});
