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
  const rename = (slug: string, name: string) => (at: string) => {
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
    const before = readNote(db, 'warndon');
    const after = staffWrite({
      kind,
      action: 'update',
      by: keeper,
      allowed: true,
      before,
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
        allowed: false,
        refusal: 'Only the keeper of Warndon may',
        before: null,
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
        before: null,
        change: (at) => {
          rename('warndon', 'Half done')(at);
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
      before: null,
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
      allowed: true,
      before: { slug: 'warndon' },
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
        before: null,
        change: () => 'x',
      }),
    ).toThrow('area x vanished inside its own transaction');
  });
});
