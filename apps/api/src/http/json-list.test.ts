import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyBytes } from './compressed-body.ts';
import { createJsonItemsWriter, createJsonList, type ItemRun } from './json-list.ts';

const bytesOf = (bytes: BodyBytes | null) =>
  bytes === null ? Buffer.alloc(0) : Buffer.concat(bytes instanceof Uint8Array ? [bytes] : bytes);
const joined = (bytes: BodyBytes | null) => bytesOf(bytes).toString();

const item = fc.record({
  id: fc.nat(),
  title: fc.string({ unit: 'grapheme', maxLength: 30 }),
  tags: fc.array(fc.constantFrom('a', 'é', '\u{1F600}', '"'), { maxLength: 3 }),
});

function itemsOf<T>(items: readonly T[], pieceChars: number) {
  const writer = createJsonItemsWriter({ pieceChars });
  for (const x of items) writer.add(JSON.stringify(x));
  return writer.finish();
}

function listOf<T>(field: string, items: readonly T[], pieceChars: number) {
  return createJsonList(field, [{ items: itemsOf(items, pieceChars), from: 0, to: items.length }]);
}

describe('createJsonList', () => {
  it('cuts every page to the bytes JSON.stringify gives for it, whatever the piece size', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        fc.nat(70),
        fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }),
        (items, pieceChars, offset, limit) => {
          const list = listOf('items', items, pieceChars);
          const from = Math.min(offset, items.length);
          const to = limit === undefined ? items.length : Math.min(items.length, from + limit);
          const expected = JSON.stringify({ items: items.slice(from, to), total: items.length });
          expect(joined(list.pageBody(from, to).bytesFor('identity'))).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('joins runs of several item lists into one list, pages cut across them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(item, { maxLength: 12 }), { maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.nat(40),
        fc.integer({ min: 1, max: 40 }),
        (lists, bounds, pieceChars, offset, limit) => {
          const runs: ItemRun[] = [];
          const expected: unknown[] = [];
          lists.forEach((xs, i) => {
            const [a, b] = bounds[i] ?? [0, 0];
            const [from, to] = [Math.min(a, b, xs.length), Math.min(Math.max(a, b), xs.length)];
            runs.push({ items: itemsOf(xs, pieceChars), from, to });
            expected.push(...xs.slice(from, to));
          });
          const list = createJsonList('occurrences', runs);
          const total = expected.length;
          const from = Math.min(offset, total);
          const to = Math.min(total, from + limit);
          expect(joined(list.whole().bytesFor('identity'))).toBe(
            JSON.stringify({ occurrences: expected, total }),
          );
          expect(joined(list.pageBody(from, to).bytesFor('identity'))).toBe(
            JSON.stringify({ occurrences: expected.slice(from, to), total }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the whole list one body, whose gzip form is joined from the pieces', async () => {
    const items = Array.from({ length: 500 }, (_, id) => ({ id, title: `Walk and Talk ${id}` }));
    const list = listOf('occurrences', items, 1000);
    const whole = list.pageBody(0, items.length);
    expect(whole).toBe(list.whole());
    await whole.whenReady('gzip');
    const gz = whole.bytesFor('gzip');
    const text = gunzipSync(bytesOf(gz)).toString();
    expect(text).toBe(JSON.stringify({ occurrences: items, total: 500 }));
  });

  it('tags each page by the list and its bounds: another page or another list, another ETag', () => {
    const items = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const list = listOf('items', items, 4);
    const again = listOf('items', items, 100);
    const other = listOf('items', [...items, { id: 4 }], 4);
    expect(list.pageBody(0, 2).etag).toBe(again.pageBody(0, 2).etag);
    expect(list.pageBody(0, 2).etag).not.toBe(list.pageBody(1, 3).etag);
    expect(list.pageBody(0, 2).etag).not.toBe(other.pageBody(0, 2).etag);
  });

  it('counts what it holds: the items once, however many pages are cut from them', () => {
    const items = Array.from({ length: 2000 }, (_, id) => ({ id, title: `Session ${id}` }));
    const held = itemsOf(items, 4096);
    const list = createJsonList('items', [{ items: held, from: 0, to: items.length }]);
    const bytes = JSON.stringify(items).length;
    const before = held.byteSize() + list.byteSize();
    expect(before).toBeGreaterThanOrEqual(bytes);
    expect(before).toBeLessThan(bytes * 1.2);
    for (let offset = 0; offset < 2000; offset += 7) list.pageBody(offset, offset + 50);
    expect(held.byteSize() + list.byteSize()).toBe(before);
  });
});
