// A list answer (`{"items":[…],"total":n}`) serialised once, item by item, into pieces of about
// 64 KB; any page of it is cut from those bytes without serialising or copying anything, so a
// list is kept once per filter whatever pages are asked of it. The whole list is one more body
// over the same pieces, with its compressed forms made once.

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

interface ListPiece {
  piece: Piece;
  /** Index of the piece's first item in the list. */
  first: number;
  /** Where each item ends in the piece's bytes; items after the first start one comma later. */
  ends: Uint32Array;
  /** Bytes before the first item: the comma after the previous piece's last item, or none. */
  lead: number;
}

export interface JsonList {
  readonly total: number;
  /** Hash of the answer's bytes: with a page's bounds, that page's strong ETag. */
  readonly tag: string;
  /** The answer for items [from, to): its pieces, sharing every whole piece of the list. */
  pageBody(from: number, to: number): CompressedBody;
  /** The whole answer, its compressed forms made once and kept with the list. */
  whole(): CompressedBody;
  /** Bytes held: the items, their compressed segments and the whole answer's br form. */
  byteSize(): number;
}

export interface JsonListWriter {
  /** Adds one item, already serialised. */
  add(json: string): void;
  finish(): JsonList;
}

/**
 * Writes a list answer whose items sit under `field` (`{"<field>":[…],"total":n}`, the bytes
 * JSON.stringify gives). `options` go to the whole answer's body (onGrow: count what it makes).
 */
export function createJsonListWriter(
  field: string,
  { pieceChars = PIECE_CHARS, ...options }: PiecesBodyOptions & { pieceChars?: number } = {},
): JsonListWriter {
  const pieces: ListPiece[] = [];
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

  return {
    add(json) {
      pending.push(json);
      pendingChars += json.length;
      count += 1;
      if (pendingChars >= pieceChars) flush();
    },
    finish() {
      flush();
      const total = count;
      const head = new Piece(asBytes(Buffer.from(`{${JSON.stringify(field)}:[`, 'utf8')));
      const tail = new Piece(asBytes(Buffer.from(`],"total":${total}}`, 'utf8')));
      const tag = hash.update(head.bytes).update(tail.bytes).digest('base64url');
      const tagOf = (from: number, to: number) =>
        createHash('sha256')
          .update(`${tag}:${from}:${to}`)
          .digest('base64url')
          .slice(0, ETAG_LENGTH);

      /** The index of the piece holding item `i` (0 ≤ i < total). */
      function pieceOf(i: number): number {
        let [lo, hi] = [0, pieces.length - 1];
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if ((pieces[mid]?.first ?? Infinity) <= i) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      }

      /** Pieces for items [from, to): whole pieces shared, the ends cut as views of them. */
      function itemPieces(from: number, to: number): Piece[] {
        const out: Piece[] = [];
        for (let p = from < to ? pieceOf(from) : pieces.length; p < pieces.length; p += 1) {
          const listPiece = pieces[p];
          if (listPiece === undefined || listPiece.first >= to) break;
          const { piece, first, ends, lead } = listPiece;
          // The first piece starts at the page's first item; later ones at their leading comma.
          const k = from - first;
          const begin = k > 0 ? (ends[k - 1] ?? 0) + 1 : k === 0 ? lead : 0;
          const end = ends[Math.min(to - first, ends.length) - 1] ?? 0;
          const whole = begin === 0 && end === piece.bytes.byteLength;
          out.push(whole ? piece : new Piece(piece.bytes.subarray(begin, end)));
        }
        return out;
      }

      let whole: CompressedBody | null = null;
      const wholeBody = () =>
        (whole ??= createPiecesBody(
          [head, ...pieces.map((p) => p.piece), tail],
          tagOf(0, total),
          options,
        ));
      return {
        total,
        tag,
        pageBody(from, to) {
          if (from === 0 && to >= total) return wholeBody();
          return createPiecesBody([head, ...itemPieces(from, to), tail], tagOf(from, to));
        },
        whole: wholeBody,
        byteSize() {
          // The whole answer's bytes and gzip form are the pieces and their segments.
          let bytes = head.bytes.byteLength + tail.bytes.byteLength + (whole?.sizes().br ?? 0);
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
 * The list kept in the read cache under `key` until the next write, or built now by `write`, a
 * slice at a time (concurrent requests share the one build). Its size is counted as it grows.
 */
export function memoJsonList(
  cache: ReadCache,
  key: string,
  field: string,
  write: (writer: JsonListWriter) => Sliced<void>,
): Promise<JsonList> {
  return cache.memoSliced(
    key,
    function* () {
      const version = cache.version();
      const writer = createJsonListWriter(field, {
        onGrow: () => cache.remeasure(key),
        isCurrent: () => cache.version() === version,
      });
      yield* write(writer);
      return writer.finish();
    },
    (list) => list.byteSize(),
  );
}
