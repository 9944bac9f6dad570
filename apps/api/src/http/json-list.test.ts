import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyBytes } from './compressed-body.ts';
import { createJsonListWriter } from './json-list.ts';

const bytesOf = (bytes: BodyBytes | null) =>
  bytes === null ? Buffer.alloc(0) : Buffer.concat(bytes instanceof Uint8Array ? [bytes] : bytes);
const joined = (bytes: BodyBytes | null) => bytesOf(bytes).toString();

const item = fc.record({
  id: fc.nat(),
  title: fc.string({ unit: 'grapheme', maxLength: 30 }),
  tags: fc.array(fc.constantFrom('a', 'é', '\u{1F600}', '"'), { maxLength: 3 }),
});

function listOf<T>(field: string, items: readonly T[], pieceChars: number) {
  const writer = createJsonListWriter(field, { pieceChars });
  for (const x of items) writer.add(JSON.stringify(x));
  return writer.finish();
}

describe('createJsonListWriter', () => {
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
    const list = listOf('items', items, 4096);
    const bytes = JSON.stringify(items).length;
    const before = list.byteSize();
    expect(before).toBeGreaterThanOrEqual(bytes);
    expect(before).toBeLessThan(bytes * 1.2);
    for (let offset = 0; offset < 2000; offset += 7) list.pageBody(offset, offset + 50);
    expect(list.byteSize()).toBe(before);
  });
});
