// A list answer (`{"items":[…],"total":n}`) made from items serialised once, item by item, into
// pieces of about 64 KB; any page is cut from those bytes without serialising or copying anything,
// so a list is kept once whatever pages are asked of it. An answer may also join runs of several
// such item lists (a window of occurrences is its weeks'). The whole list is one more body over
// the same pieces, its gzip form joined from their compressed segments.

import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Sliced } from '../cache/slices.ts';
import { Piece, type Bytes } from './body-pieces.ts';
import {
  createPiecesBody,
  JSON_TYPE,
  sendCompressed,
  type CompressedBody,
  type PiecesBodyOptions,
} from './compressed-body.ts';

/** Characters of item JSON gathered before they are encoded as one piece. */
const PIECE_CHARS = 64 * 1024;
const ETAG_LENGTH = 32;
/** What each piece costs beyond its bytes: the objects that hold it. */
const PIECE_OVERHEAD_BYTES = 200;

const asBytes = (b: Buffer): Bytes =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
const textPiece = (text: string) => new Piece(asBytes(Buffer.from(text, 'utf8')));
const COMMA = textPiece(',');

interface ItemPiece {
  piece: Piece;
  /** Index of the piece's first item. */
  first: number;
  /** Where each item ends in the piece's bytes; items after the first start one comma later. */
  ends: Uint32Array;
  /** Bytes before the first item: the comma after the previous piece's last item, or none. */
  lead: number;
}

/** Items serialised once, in order; any run of them is had without copying. */
export interface JsonItems {
  readonly count: number;
  /** Hash of the items' bytes. */
  readonly tag: string;
  /** Items [from, to), comma-separated: whole pieces shared, the ends cut as views of them. */
  piecesOf(from: number, to: number): Piece[];
  /** Bytes held: the items, where each ends, and the compressed segments made of them. */
  byteSize(): number;
}

export interface JsonItemsWriter {
  /** Adds one item, already serialised. */
  add(json: string): void;
  readonly count: number;
  finish(): JsonItems;
}

export function createJsonItemsWriter({ pieceChars = PIECE_CHARS } = {}): JsonItemsWriter {
  const pieces: ItemPiece[] = [];
  const hash = createHash('sha256');
  let pending: string[] = [];
  let pendingChars = 0;
  let count = 0;

  function flush() {
    if (pending.length === 0) return;
    const lead = pieces.length === 0 ? 0 : 1;
    const ends = new Uint32Array(pending.length);
    let at = lead;
    pending.forEach((json, i) => {
      at += (i === 0 ? 0 : 1) + Buffer.byteLength(json, 'utf8');
      ends[i] = at;
    });
    const bytes = asBytes(Buffer.from(`${lead === 1 ? ',' : ''}${pending.join(',')}`, 'utf8'));
    hash.update(bytes);
    pieces.push({ piece: new Piece(bytes), first: count - pending.length, ends, lead });
    pending = [];
    pendingChars = 0;
  }

  /** The index of the piece holding item `i` (0 ≤ i < count). */
  function pieceOf(i: number): number {
    let [lo, hi] = [0, pieces.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((pieces[mid]?.first ?? Infinity) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  return {
    add(json) {
      pending.push(json);
      pendingChars += json.length;
      count += 1;
      if (pendingChars >= pieceChars) flush();
    },
    get count() {
      return count;
    },
    finish() {
      flush();
      const tag = hash.digest('base64url');
      return {
        count,
        tag,
        piecesOf(from, to) {
          const out: Piece[] = [];
          for (let p = from < to ? pieceOf(from) : pieces.length; p < pieces.length; p += 1) {
            const itemPiece = pieces[p];
            if (itemPiece === undefined || itemPiece.first >= to) break;
            const { piece, first, ends, lead } = itemPiece;
            // The first piece starts at the run's first item; later ones at their leading comma.
            const k = from - first;
            const begin = k > 0 ? (ends[k - 1] ?? 0) + 1 : k === 0 ? lead : 0;
            const end = ends[Math.min(to - first, ends.length) - 1] ?? 0;
            const whole = begin === 0 && end === piece.bytes.byteLength;
            out.push(whole ? piece : new Piece(piece.bytes.subarray(begin, end)));
          }
          return out;
        },
        byteSize() {
          let bytes = 0;
          for (const p of pieces) {
            bytes += p.piece.bytes.byteLength + p.ends.byteLength + PIECE_OVERHEAD_BYTES;
            bytes += p.piece.segment?.deflated.byteLength ?? 0;
          }
          return bytes;
        },
      };
    },
  };
}

/** Items [from, to) of some item list. */
export interface ItemRun {
  items: JsonItems;
  from: number;
  to: number;
}

export interface JsonList {
  readonly total: number;
  /** Hash of the answer's items and how they are wrapped: with a page's bounds, its ETag. */
  readonly tag: string;
  /** The answer for items [from, to) of the list. */
  pageBody(from: number, to: number): CompressedBody;
  /** The whole answer, its compressed forms made once and kept with the list. */
  whole(): CompressedBody;
  /** Bytes the list holds besides its items': the whole answer's br form. */
  byteSize(): number;
}

/**
 * The answer `{"<field>":[…],"total":n}` (the bytes JSON.stringify gives) over runs of items, in
 * order. `options` go to the whole answer's body (onGrow: count what it makes).
 */
export function createJsonList(
  field: string,
  runs: readonly ItemRun[],
  options: PiecesBodyOptions = {},
): JsonList {
  const kept = runs.filter((r) => r.to > r.from);
  const total = kept.reduce((n, r) => n + r.to - r.from, 0);
  const head = textPiece(`{${JSON.stringify(field)}:[`);
  const tail = textPiece(`],"total":${total}}`);
  const hash = createHash('sha256').update(`${field}:${total}`);
  for (const r of kept) hash.update(`:${r.items.tag}:${r.from}:${r.to}`);
  const tag = hash.digest('base64url');
  const tagOf = (from: number, to: number) =>
    createHash('sha256').update(`${tag}:${from}:${to}`).digest('base64url').slice(0, ETAG_LENGTH);

  /** Items [from, to) of the whole list, as pieces, a comma between runs. */
  function piecesOf(from: number, to: number): Piece[] {
    const out: Piece[] = [];
    let start = 0;
    for (const r of kept) {
      const size = r.to - r.from;
      const [a, b] = [Math.max(from, start), Math.min(to, start + size)];
      if (a < b) {
        if (out.length > 0) out.push(COMMA);
        out.push(...r.items.piecesOf(r.from + a - start, r.from + b - start));
      }
      start += size;
      if (start >= to) break;
    }
    return out;
  }

  let whole: CompressedBody | null = null;
  const wholeBody = () =>
    (whole ??= createPiecesBody([head, ...piecesOf(0, total), tail], tagOf(0, total), options));
  return {
    total,
    tag,
    pageBody(from, to) {
      if (from === 0 && to >= total) return wholeBody();
      return createPiecesBody([head, ...piecesOf(from, to), tail], tagOf(from, to), {
        perRequest: true,
      });
    },
    whole: wholeBody,
    byteSize: () => head.bytes.byteLength + tail.bytes.byteLength + (whole?.sizes().br ?? 0),
  };
}

/** What a list route was asked for: `limit` items from `offset`, or all of them. */
export interface PageQuery {
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Answers with the page asked for (the whole list without `limit`), as sendCompressed does. */
export function sendJsonList(c: Context, list: JsonList, page: PageQuery): Promise<Response> {
  const from = Math.min(page.offset ?? 0, list.total);
  const to = page.limit === undefined ? list.total : Math.min(list.total, from + page.limit);
  return sendCompressed(c, list.pageBody(from, to), { contentType: JSON_TYPE });
}

/**
 * The items kept in the read cache under `key` until the next write, or written now by `write`,
 * a slice at a time (concurrent requests share the one build), with `extra` kept beside them.
 */
export function memoJsonItems<E>(
  cache: ReadCache,
  key: string,
  write: (writer: JsonItemsWriter) => Sliced<E>,
): Promise<{ items: JsonItems; extra: E }> {
  return cache.memoSliced(
    key,
    function* () {
      const writer = createJsonItemsWriter();
      const extra = yield* write(writer);
      return { items: writer.finish(), extra };
    },
    ({ items }) => items.byteSize(),
  );
}

/**
 * The list answer kept in the read cache under `key` until the next write, or written now by
 * `write` a slice at a time (concurrent requests share the one build). Counted with its items
 * and the compressed forms made of it.
 */
export function memoJsonList(
  cache: ReadCache,
  key: string,
  field: string,
  write: (writer: JsonItemsWriter) => Sliced<void>,
): Promise<JsonList> {
  return cache
    .memoSliced(
      key,
      function* () {
        const version = cache.version();
        const writer = createJsonItemsWriter();
        yield* write(writer);
        const items = writer.finish();
        const list = createJsonList(field, [{ items, from: 0, to: items.count }], {
          onGrow: () => cache.remeasure(key),
          isCurrent: () => cache.version() === version,
        });
        return { list, items };
      },
      ({ list, items }) => list.byteSize() + items.byteSize(),
    )
    .then(({ list }) => list);
}
