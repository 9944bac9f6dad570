import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { compareText } from './text-order.ts';

describe('compareText', () => {
  it("orders text as SQLite's ORDER BY does", () => {
    const db = openDb(':memory:');
    db.prepare('CREATE TABLE t (s TEXT NOT NULL)').run();
    const insert = db.prepare('INSERT INTO t (s) VALUES (?)');
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'é', '\uffe0', '\u{1F600}', ' ', ''),
    });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (strings) => {
        db.prepare('DELETE FROM t').run();
        for (const s of strings) insert.run(s);
        const sqlite = (db.prepare('SELECT s FROM t ORDER BY s').all() as { s: string }[]).map(
          (r) => r.s,
        );
        expect([...strings].sort(compareText)).toEqual(sqlite);
      }),
    );
  });
});
