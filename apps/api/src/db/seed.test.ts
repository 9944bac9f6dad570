import { describe, expect, it } from 'vitest';
import { readMeta } from '../meta/meta.queries.ts';
import { TEST_NOW, makeFixture } from '../test-support.ts';
import { openDb } from './open-db.ts';
import { SampleDataError, seedSampleData } from './seed.ts';

function count(db: ReturnType<typeof openDb>, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('seedSampleData', () => {
  it('fills an empty database and records that it holds sample data', () => {
    const db = openDb(':memory:');
    expect(seedSampleData(db, makeFixture(), TEST_NOW)).toBe(true);
    expect(count(db, 'areas')).toBe(3);
    expect(count(db, 'venues')).toBe(3);
    expect(count(db, 'groups')).toBe(3);
    expect(count(db, 'sessions')).toBe(4);
    expect(count(db, 'session_exceptions')).toBe(2);
    expect(readMeta(db, 'sample_data')).toBe('1');
  });

  it('gives each session a UID from its id, sequence 0 and the clock time', () => {
    const db = openDb(':memory:');
    seedSampleData(db, makeFixture(), TEST_NOW);
    const rows = db.prepare('SELECT id, uid, sequence, created_at, updated_at FROM sessions').all();
    expect(rows[0]).toEqual({
      id: 1,
      uid: 'fiveways-worcester-session-1',
      sequence: 0,
      created_at: '2026-11-23T10:00:00.000Z',
      updated_at: '2026-11-23T10:00:00.000Z',
    });
  });

  it('leaves a database that already holds data alone', () => {
    const db = openDb(':memory:');
    seedSampleData(db, makeFixture(), TEST_NOW);
    expect(seedSampleData(db, makeFixture(), TEST_NOW)).toBe(false);
    expect(count(db, 'sessions')).toBe(4);
  });

  it('rejects invalid records by path, writing nothing', () => {
    const db = openDb(':memory:');
    const data = makeFixture();
    const first = data.sessions[0];
    if (!first) throw new Error('fixture has sessions');
    first.startTime = '25:00';
    first.venue = 'nowhere';
    expect(() => seedSampleData(db, data, TEST_NOW)).toThrow(SampleDataError);
    expect(() => seedSampleData(db, data, TEST_NOW)).toThrow(/sessions\.0\.startTime: Give a time/);
    expect(count(db, 'areas')).toBe(0);
    expect(readMeta(db, 'sample_data')).toBeNull();
  });

  it('checks that every venue, group and area named exists', () => {
    const data = makeFixture();
    const first = data.sessions[0];
    if (!first) throw new Error('fixture has sessions');
    first.venue = 'nowhere';
    expect(() => seedSampleData(openDb(':memory:'), data, TEST_NOW)).toThrow(
      /sessions\.0\.venue: There is no venue "nowhere"/,
    );
  });
});
