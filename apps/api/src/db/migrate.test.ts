import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ContactSchema } from '@fiveways/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { getSession } from '../sessions/sessions.queries.ts';
import { makeFixture, TEST_NOW } from '../test-support.ts';
import { DatabaseTooNewError, migrate, readMigrations, schemaVersion } from './migrate.ts';
import { openDb } from './open-db.ts';
import { seedSampleData } from './seed.ts';
import { splitOneLineAddress } from '@fiveways/shared';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fiveways-migrate-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  const latest = readMigrations().at(-1)?.version ?? 0;

  it('are numbered 1, 2, 3 … and include the meta table', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.map((m) => m.name)).toContain('0002-create-meta.sql');
  });

  it('bring an empty database to the latest level', () => {
    const db = openDb(':memory:');
    expect(schemaVersion(db)).toBe(latest);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['areas', 'venues', 'groups', 'sessions', 'meta']),
    );
    db.close();
  });

  it('apply nothing the second time', () => {
    const path = join(tempDir(), 'twice.db');
    openDb(path).close();
    const db = new Database(path);
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(latest);
    db.close();
  });

  it('apply only the newer ones to an older database', () => {
    const db = new Database(':memory:');
    migrate(db, readMigrations().slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(migrate(db)).toEqual(
      readMigrations()
        .slice(1)
        .map((m) => m.version),
    );
    db.close();
  });

  it('refuse a database written by newer code', () => {
    const path = join(tempDir(), 'newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    expect(() => openDb(path)).toThrow(DatabaseTooNewError);
  });

  it('roll back a failing migration whole, leaving the level unchanged', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001-good.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(
      join(dir, '0002-bad.sql'),
      'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);',
    );
    const db = new Database(':memory:');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('reject a gap in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001-one.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003-three.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/out of sequence/);
  });

  it('open file databases in WAL mode with foreign keys and full sync', () => {
    const db = openDb(join(tempDir(), 'nested', 'folder', 'file.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});

describe('0006: one-line text', () => {
  it('turns line breaks and tabs stored in one-line fields into spaces, and moves updated_at', () => {
    // The sample data is written by today's code, so it goes into today's tables and 0006 runs
    // again over them: it only tidies, so running it twice is what a late run would do.
    const oneLine = readMigrations().find((m) => m.name === '0006-one-line-text.sql');
    if (oneLine === undefined) throw new Error('no migration 0006');
    const db = new Database(':memory:');
    migrate(db);
    seedSampleData(db, makeFixture(), TEST_NOW);
    const stamp = TEST_NOW.toISOString();
    db.prepare('UPDATE sessions SET title = ?, cost_text = ?, contact = ? WHERE id = 1').run(
      'Walk\r\nand\u2028Talk\t',
      '£2\na week',
      JSON.stringify({ name: 'Sam\nJones', phone: '01905\t111', email: '', website: '' }),
    );
    db.prepare("UPDATE venues SET name = ?, address = ? WHERE slug = 'gorse-hill-hub'").run(
      'Gorse Hill\u2029Hub',
      'Tolladine Road,\r\nWorcester',
    );
    db.prepare("UPDATE areas SET name = ? WHERE slug = 'warndon'").run('War\u0085ndon');
    db.prepare("UPDATE groups SET name = ?, languages = ? WHERE slug = 'knit-and-natter'").run(
      'Knit and\nNatter',
      JSON.stringify(['English', 'Pol\nish']),
    );
    db.prepare('UPDATE session_exceptions SET reason = ? WHERE session_id = 1').run('Bad\nweather');
    db.prepare('UPDATE sessions SET description = ? WHERE id = 2').run('Line one.\nLine two.');

    db.exec(oneLine.sql);
    const session = db
      .prepare('SELECT title, cost_text, contact, updated_at FROM sessions WHERE id = 1')
      .get() as { title: string; cost_text: string; contact: string; updated_at: string };
    expect(session.title).toBe('Walk and Talk');
    expect(session.cost_text).toBe('£2 a week');
    expect(JSON.parse(session.contact)).toEqual({
      name: 'Sam Jones',
      phone: '01905 111',
      email: '',
      website: '',
    });
    expect(session.updated_at > stamp).toBe(true);
    const venue = db
      .prepare("SELECT name, address FROM venues WHERE slug = 'gorse-hill-hub'")
      .get();
    expect(venue).toEqual({ name: 'Gorse Hill Hub', address: 'Tolladine Road, Worcester' });
    expect(db.prepare("SELECT name FROM areas WHERE slug = 'warndon'").pluck().get()).toBe(
      'War ndon',
    );
    const group = db
      .prepare("SELECT name, languages FROM groups WHERE slug = 'knit-and-natter'")
      .get() as { name: string; languages: string };
    expect(group.name).toBe('Knit and Natter');
    expect(JSON.parse(group.languages)).toEqual(['English', 'Pol ish']);
    const reasons = db
      .prepare('SELECT reason FROM session_exceptions WHERE session_id = 1')
      .pluck()
      .all();
    expect(reasons).toContain('Bad weather');
    // Paragraphs stay; rows with nothing to tidy keep their time.
    const other = db.prepare('SELECT description, updated_at FROM sessions WHERE id = 2').get();
    expect(other).toEqual({ description: 'Line one.\nLine two.', updated_at: stamp });
    expect(getSession(db, 1)?.venue.name).toBe('Gorse Hill Hub');
    db.close();
  });
});

describe('0007: web addresses', () => {
  it('keeps http(s) websites, adds https:// to a bare host, clears any other scheme', () => {
    // As for 0006: today's code seeds today's tables, then 0007's data fix runs over them again.
    const webAddresses = readMigrations().find((m) => m.name === '0007-web-addresses.sql');
    if (webAddresses === undefined) throw new Error('no migration 0007');
    const db = new Database(':memory:');
    migrate(db);
    seedSampleData(db, makeFixture(), TEST_NOW);
    const stamp = TEST_NOW.toISOString();
    const rows = [
      ...db
        .prepare('SELECT id FROM sessions ORDER BY id')
        .pluck()
        .all()
        .map((id) => ({ table: 'sessions', where: 'id = ?', key: id })),
      ...db
        .prepare('SELECT slug FROM groups ORDER BY slug')
        .pluck()
        .all()
        .map((slug) => ({ table: 'groups', where: 'slug = ?', key: slug })),
    ];
    const stored: [string, string][] = [
      ['javascript:alert(1)', ''],
      ['WIFI:T:WPA;S:Hub;P:secret;;', ''],
      ['www.example.org', 'https://www.example.org'],
      ['https://example.org/walks', 'https://example.org/walks'],
      ['Facebook page', ''],
      ['https://user@example.org', ''],
      ['www.example.org/cafe?a=1', 'https://www.example.org/cafe?a=1'],
    ];
    expect(rows).toHaveLength(stored.length);
    rows.forEach(({ table, where, key }, i) => {
      const website = stored[i]?.[0] ?? '';
      const contact = JSON.stringify({ name: 'Sam', phone: '', email: '', website });
      db.prepare(`UPDATE ${table} SET contact = ? WHERE ${where}`).run(contact, key);
    });

    db.exec(webAddresses.sql);

    rows.forEach(({ table, where, key }, i) => {
      const [old, expected] = stored[i] ?? ['', ''];
      const row = db
        .prepare(`SELECT contact, updated_at FROM ${table} WHERE ${where}`)
        .get(key) as { contact: string; updated_at: string };
      expect(JSON.parse(row.contact)).toEqual({
        name: 'Sam',
        phone: '',
        email: '',
        website: expected,
      });
      // Feeds show the website: a row changed moves its time, the others keep theirs.
      expect(row.updated_at > stamp).toBe(old !== expected);
      // What is stored now passes the check on input: the record can be saved as it is.
      expect(ContactSchema.shape.website.safeParse(expected).success).toBe(true);
    });
    db.close();
  });
});

describe('0010: organisations and addresses in parts', () => {
  it('splits one-line addresses as splitOneLineAddress does and gives every group the trust', () => {
    const at = readMigrations().findIndex((m) => m.name === '0010-organisations-addresses.sql');
    const db = new Database(':memory:');
    migrate(db, readMigrations().slice(0, at));
    db.prepare("INSERT INTO areas (slug, name) VALUES ('w', 'W')").run();
    const lines: [string, string][] = [
      ['Lansbury Road, Gorse Hill, Worcester', 'WR5 1PQ'],
      ['Meet at the visitor centre, Wildwood Drive, Worcester', 'WR5 2LG'],
      ['Shap Drive', ''],
      ['12 High Street, Droitwich, WR9 8ES', 'WR9 8ES'],
      ['The Hall,', ''],
    ];
    lines.forEach(([address, postcode], i) =>
      db
        .prepare(
          `INSERT INTO venues (slug, name, area_slug, address, postcode, updated_at)
           VALUES (?, 'V', 'w', ?, ?, 'x')`,
        )
        .run(`v${i}`, address, postcode),
    );
    db.prepare(
      `INSERT INTO groups (slug, name, venue_slug, updated_at) VALUES ('g', 'G', 'v0', 'x')`,
    ).run();
    migrate(db);
    const rows = db
      .prepare('SELECT address_1, city, state_province, country FROM venues ORDER BY slug')
      .all();
    expect(rows).toEqual(
      lines.map(([address, postcode]) => {
        const parts = splitOneLineAddress(address, postcode);
        return {
          address_1: parts.address1,
          city: parts.city,
          state_province: parts.stateProvince,
          country: parts.country,
        };
      }),
    );
    expect(rows[0]).toEqual({
      address_1: 'Lansbury Road, Gorse Hill',
      city: 'Worcester',
      state_province: 'Worcestershire',
      country: 'GB',
    });
    expect(rows[3]).toMatchObject({ address_1: '12 High Street', city: 'Droitwich' });
    expect(db.prepare("SELECT organisation_id FROM groups WHERE slug = 'g'").pluck().get()).toBe(1);
    db.close();
  });
});

describe('0011: group ages', () => {
  it('gives existing groups no age range and keeps ages to whole years 0 to 120', () => {
    const at = readMigrations().findIndex((m) => m.name === '0011-group-ages.sql');
    expect(at).toBe(10);
    const db = new Database(':memory:');
    migrate(db, readMigrations().slice(0, at));
    db.prepare(`INSERT INTO groups (slug, name, updated_at) VALUES ('g', 'G', 'x')`).run();
    migrate(db);
    expect(db.prepare("SELECT min_age, max_age FROM groups WHERE slug = 'g'").get()).toEqual({
      min_age: null,
      max_age: null,
    });
    db.prepare("UPDATE groups SET min_age = 11, max_age = 18 WHERE slug = 'g'").run();
    expect(() => db.prepare("UPDATE groups SET min_age = -1 WHERE slug = 'g'").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("UPDATE groups SET max_age = 121 WHERE slug = 'g'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});

describe('0012: calendar imports', () => {
  it('leaves existing sessions unimported and keeps one session per source key per link', () => {
    const at = readMigrations().findIndex((m) => m.name === '0012-calendar-imports.sql');
    expect(at).toBe(11);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, readMigrations().slice(0, at));
    db.exec(`INSERT INTO areas (slug, name) VALUES ('a', 'A');
      INSERT INTO venues (slug, name, area_slug, address, updated_at) VALUES ('v', 'V', 'a', 'x', 'x');
      INSERT INTO groups (slug, name, updated_at) VALUES ('g', 'G', 'x');
      INSERT INTO sessions (uid, title, venue_slug, ways, kind, start_date, start_time, end_time, booking, created_at, updated_at)
        VALUES ('u1', 'S', 'v', '[]', 'group', '2026-12-01', '10:00', '11:00', 'drop-in', 'x', 'x');
      INSERT INTO session_exceptions (session_id, date, kind, updated_at) VALUES (1, '2026-12-08', 'cancelled', 'x');`);
    migrate(db);
    expect(
      db.prepare('SELECT import_link_id, import_source_key, import_owned FROM sessions').get(),
    ).toEqual({ import_link_id: null, import_source_key: null, import_owned: '[]' });
    expect(db.prepare('SELECT from_source FROM session_exceptions').pluck().get()).toBe(0);
    db.exec(`INSERT INTO calendar_links (group_slug, url, created_at) VALUES ('g', 'https://example.org/c.ics', 'x');
      UPDATE sessions SET import_link_id = 1, import_source_key = 'e1@example.org';`);
    expect(() =>
      db.exec(`INSERT INTO sessions (uid, title, venue_slug, ways, kind, start_date, start_time, end_time, booking, created_at, updated_at, import_link_id, import_source_key)
        VALUES ('u2', 'S', 'v', '[]', 'group', '2026-12-01', '10:00', '11:00', 'drop-in', 'x', 'x', 1, 'e1@example.org')`),
    ).toThrow(/UNIQUE/);
    db.exec('DELETE FROM calendar_links');
    expect(db.prepare('SELECT import_link_id FROM sessions').pluck().get()).toBeNull();
    db.close();
  });
});
