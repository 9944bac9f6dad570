import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations, REBUILD_MARKER, schemaVersion } from './migrate.ts';

const CHAMPION_MIGRATION = 16;

/** A database at the level before the Champion role, with an account that others refer to. */
function databaseBeforeChampions() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, readMigrations().slice(0, CHAMPION_MIGRATION - 1));
  db.exec(`
    INSERT INTO areas (slug, name) VALUES ('warndon', 'Warndon');
    INSERT INTO venues (slug, name, address, postcode, area_slug, updated_at)
      VALUES ('hub', 'Hub', '1 Street', 'WR4 9AA', 'warndon', '2026-01-01T00:00:00.000Z');
    INSERT INTO users (id, email, name, role, created_at) VALUES
      (1, 'a@example.org', 'A', 'admin', '2026-01-01T00:00:00.000Z'),
      (7, 's@example.org', 'S', 'staff', '2026-01-01T00:00:00.000Z');
    DELETE FROM users WHERE id = 7;
    INSERT INTO users (id, email, name, role, created_at) VALUES
      (5, 's@example.org', 'S', 'staff', '2026-01-01T00:00:00.000Z');
    INSERT INTO user_venues (user_id, venue_slug) VALUES (5, 'hub');
    INSERT INTO auth_sessions (id, user_id, created_at, last_seen_at, expires_at)
      VALUES ('x', 5, '2026-01-01', '2026-01-01', '2027-01-01');
    INSERT INTO audit_log (user_id, at, action, entity, entity_id) VALUES (5, '2026-01-01', 'a.b', 'a', '1');
  `);
  return db;
}

describe('migration 0016 (Community Champions)', () => {
  it('lets the role be stored and keeps every account and what refers to it', () => {
    const db = databaseBeforeChampions();
    migrate(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, role FROM users ORDER BY id').all()).toEqual([
      { id: 1, role: 'admin' },
      { id: 5, role: 'staff' },
    ]);
    expect(db.prepare('SELECT user_id FROM user_venues').pluck().all()).toEqual([5]);
    expect(db.prepare('SELECT user_id FROM auth_sessions').pluck().all()).toEqual([5]);
    expect(db.prepare('SELECT user_id FROM audit_log').pluck().all()).toEqual([5]);
    db.prepare(
      "INSERT INTO users (email, role, created_at) VALUES ('c@example.org', 'champion', 'now')",
    ).run();
    // The id sequence goes on past the deleted account's id, as AUTOINCREMENT promises.
    expect(db.prepare("SELECT id FROM users WHERE role = 'champion'").pluck().get()).toBe(8);
    expect(() =>
      db
        .prepare("INSERT INTO users (email, role, created_at) VALUES ('x@e.org', 'boss', 'now')")
        .run(),
    ).toThrow(/CHECK/);
    // References still point at the table: deleting an account still cascades to its logins.
    db.prepare('DELETE FROM users WHERE id = 5').run();
    expect(db.prepare('SELECT count(*) FROM auth_sessions').pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'users_new'").pluck().get(),
    ).toBe(0);
    db.close();
  });

  it('keeps conversations and contacts in tables of their own', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'champion_%'")
      .pluck()
      .all();
    expect(tables.sort()).toEqual(['champion_contacts', 'champion_conversations']);
    db.close();
  });

  it('rolls back a rebuild that would leave a reference broken, with foreign keys on again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fiveways-rebuild-'));
    try {
      writeFileSync(
        join(dir, '0001-a.sql'),
        'CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE c (p INTEGER REFERENCES p (id)) STRICT; INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);',
      );
      writeFileSync(join(dir, '0002-b.sql'), `${REBUILD_MARKER}\nDELETE FROM p;`);
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      expect(() => migrate(db, readMigrations(dir))).toThrow(/broken references/);
      expect(schemaVersion(db)).toBe(1);
      expect(db.prepare('SELECT count(*) FROM p').pluck().get()).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
