// A response body encoded once and kept with its ETag and its gzip and brotli forms, each made at
// most once: requests pick one by Accept-Encoding and never compress anything themselves.

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, createBrotliCompress } from 'node:zlib';
import type { Context } from 'hono';
import type { ReadCache } from '../cache/read-cache.ts';
import { gzipFromSegments, Piece, totalLength, type Bytes, type Segment } from './body-pieces.ts';
import {
  acceptedCodings,
  matchingEtag,
  notModifiedSince,
  type ContentCoding,
} from './negotiate.ts';

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const MIN_COMPRESS_BYTES = 1024;
/** Larger bodies get their br form only once they have stood unchanged for a while. */
export const LARGE_BODY_BYTES = 1024 * 1024;
// Brotli quality 5: near gzip's speed, smaller output; the highest qualities are far too slow
// for a large feed (docs/benchmarks.md has what br costs for one).
const BROTLI_QUALITY = 5;

/** A representation's bytes: in one piece, or in pieces sent one after another. */
export type BodyBytes = Bytes | readonly Bytes[];

export interface CompressedBody {
  /** The strong ETag of the uncompressed bytes; compressed forms add a suffix. */
  readonly etag: string;
  readonly compressible: boolean;
  /** Made for one answer and then dropped: only the form that answer needs is worth making. */
  readonly perRequest: boolean;
  /** The ETag of one representation: `"tag"`, `"tag-gzip"` or `"tag-br"`. */
  etagFor(coding: ContentCoding): string;
  /**
   * The bytes of one representation, or null while it is still being made (asking starts it).
   * Null for the compressed forms of a body too small to compress.
   */
  bytesFor(coding: ContentCoding): BodyBytes | null;
  /** Resolves once that representation's bytes exist (at once for the uncompressed form). */
  whenReady(coding: ContentCoding): Promise<void>;
  /** Resolves once both compressed forms exist (at once for small or tiny bodies). */
  whenCompressed(): Promise<void>;
  /** Bytes of each representation made so far (0 for one not made), without making any. */
  sizes(): Record<ContentCoding, number>;
  /** Bytes this body holds: the uncompressed form, and the compressed ones made. */
  byteSize(): number;
}

/** Base64url SHA-256 of some bytes, shortened to 32 characters: a strong ETag's opaque part. */
export function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 32);
}

/** Every representation, the uncompressed one first. */
const CODINGS: readonly ContentCoding[] = ['identity', 'gzip', 'br'];

/** One representation's strong ETag: `"tag"`, `"tag-gzip"` or `"tag-br"`. */
const etagOf = (tag: string, coding: ContentCoding) =>
  coding === 'identity' ? `"${tag}"` : `"${tag}-${coding}"`;

const asBytes = (b: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

function brotliOptions(size: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // A window no larger than the body (brotli's default, 4 MB, at the most): the encoder's
      // memory follows it, and most bodies are far smaller.
      [constants.BROTLI_PARAM_LGWIN]: Math.min(22, Math.max(16, Math.ceil(Math.log2(size + 1)))),
    },
  };
}

/** Pieces bodies up to this size are brotli-compressed on the spot: it costs little. */
const SYNC_BROTLI_PIECES_MAX_BYTES = 64 * 1024;
/** How long a body over LARGE_BODY_BYTES must stand unchanged before its br form is made. */
const LARGE_BROTLI_DELAY_MS = 2000;

export interface PiecesBodyOptions {
  /** False once a newer version has replaced this body: its br form is then not worth making. */
  isCurrent?: () => boolean;
  largeBrotliDelayMs?: number;
  /** Told when a compressed form has been made, so whoever keeps the body can count it. */
  onGrow?: () => void;
  /** The body answers one request and is not kept (a page cut from a list). */
  perRequest?: boolean;
}

/** Pieces whose segments are missing past this many bytes are compressed off the event loop. */
const SYNC_SEGMENT_MAX_BYTES = 512 * 1024;

/** Pieces compressed at once on zlib's threads: each holds a deflate state of a few hundred KB. */
const SEGMENTS_IN_FLIGHT = 2;

/**
 * Every piece's segment, made off the event loop a couple at a time: a list of thousands of
 * pieces asked for all at once would create thousands of zlib streams in one go.
 */
async function segmentsInTurn(pieces: readonly Piece[]): Promise<Segment[]> {
  const segments: Segment[] = [];
  let next = 0;
  const work = async () => {
    for (let i = next; i < pieces.length; i = next) {
      next += 1;
      const piece = pieces[i];
      if (piece !== undefined) segments[i] = piece.segment ?? (await piece.segmentAsync());
    }
  };
  await Promise.all(Array.from({ length: SEGMENTS_IN_FLIGHT }, work));
  return segments;
}

/**
 * A body kept as pieces (see body-pieces.ts), sent without joining them. Its gzip form is joined
 * from the pieces' own deflate segments, so after a change to one piece only that piece is
 * compressed again, and a fresh gzip form is ready at once. Brotli streams cannot be joined that
 * way, so the br form is made from the whole body off the event loop, with gzip served until it
 * is ready: at once for bodies up to LARGE_BODY_BYTES, and for larger ones only once the
 * body has stood unchanged for LARGE_BROTLI_DELAY_MS, so a run of writes compresses a large feed once,
 * not once per write, and never while a write's answers are due (docs/benchmarks.md).
 */
export function createPiecesBody(
  pieces: readonly Piece[],
  tag: string,
  options: PiecesBodyOptions = {},
): CompressedBody {
  const {
    isCurrent = () => true,
    largeBrotliDelayMs = LARGE_BROTLI_DELAY_MS,
    onGrow = () => undefined,
    perRequest = false,
  } = options;
  const identity = pieces.map((p) => p.bytes);
  const size = totalLength(identity);
  const compressible = size >= MIN_COMPRESS_BYTES;
  let gz: Bytes[] | null = null;
  let br: Bytes | null = null;
  let gzPending: Promise<void> | null = null;

  function makeGzip(): Promise<void> {
    if (gzPending) return gzPending;
    let missing = 0;
    for (const p of pieces) if (p.segment === null) missing += p.bytes.byteLength;
    // A body kept for many answers pays a little on the spot; one for one answer pays nothing.
    if (missing <= SYNC_SEGMENT_MAX_BYTES && !perRequest) {
      gz = gzipFromSegments(pieces.map((p) => p.segmentSync()));
      gzPending = Promise.resolve();
      onGrow();
    } else {
      gzPending = segmentsInTurn(pieces).then((segments) => {
        gz = gzipFromSegments(segments);
        onGrow();
      });
    }
    return gzPending;
  }

  let brPending: Promise<void> | null = null;
  /** A client waits for the br form: it is made even if a newer version replaced this body. */
  let brAwaited = false;
  function makeBrotli(): Promise<void> {
    if (brPending) return brPending;
    if (size <= SYNC_BROTLI_PIECES_MAX_BYTES && !perRequest) {
      br = asBytes(brotliCompressSync(Buffer.concat(identity), brotliOptions(size)));
      brPending = Promise.resolve();
      onGrow();
      return brPending;
    }
    const delay = size > LARGE_BODY_BYTES && !perRequest ? largeBrotliDelayMs : 0;
    brPending = new Promise<void>((resolve, reject) => {
      const start = () => {
        if (!isCurrent() && !brAwaited) return resolve();
        // Streamed from the pieces: the whole body is never joined into one buffer.
        const out: Buffer[] = [];
        const stream = createBrotliCompress(brotliOptions(size));
        stream.on('data', (chunk: Buffer) => out.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          br = asBytes(Buffer.concat(out));
          onGrow();
          resolve();
        });
        for (const part of identity) stream.write(part);
        stream.end();
      };
      if (delay > 0) setTimeout(start, delay).unref();
      else start();
    });
    return brPending;
  }

  const quietly = (p: Promise<void>) => void p.catch(() => undefined);
  return {
    etag: etagOf(tag, 'identity'),
    compressible,
    perRequest,
    etagFor: (coding) => etagOf(tag, coding),
    bytesFor(coding) {
      if (coding === 'identity') return identity;
      if (!compressible) return null;
      if (coding === 'gzip') {
        quietly(makeGzip());
        return gz;
      }
      quietly(makeBrotli());
      return br;
    },
    whenReady(coding) {
      if (coding === 'identity' || !compressible) return Promise.resolve();
      if (coding === 'gzip') return makeGzip();
      brAwaited = true;
      return makeBrotli().then(() => {
        if (br !== null) return;
        // Given up on before anyone waited (the body had been replaced): made now after all.
        brPending = null;
        return makeBrotli();
      });
    },
    whenCompressed: () => Promise.all([makeGzip(), makeBrotli()]).then(() => undefined),
    sizes: () => ({
      identity: size,
      gzip: gz === null ? 0 : totalLength(gz),
      br: br?.byteLength ?? 0,
    }),
    byteSize: () => size + (gz === null ? 0 : totalLength(gz)) + (br?.byteLength ?? 0),
  };
}

/**
 * Bytes (or text, encoded once as UTF-8) in one piece, compressed as createPiecesBody does.
 * `tag` is the ETag's opaque part when the caller already knows a content hash; otherwise the
 * bytes are hashed. The bytes are kept as given, not copied.
 */
export function createCompressedBody(
  body: string | Uint8Array,
  tag?: string,
): CompressedBody & { readonly identity: Bytes } {
  const identity =
    typeof body === 'string'
      ? asBytes(Buffer.from(body, 'utf8'))
      : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return { ...createPiecesBody([new Piece(identity)], tag ?? hashOf(identity)), identity };
}

export interface SendOptions {
  contentType: string;
  cacheControl?: string;
  lastModified?: Date | null;
  /** Extra headers for the 200 only (e.g. Content-Disposition). */
  headers?: Record<string, string>;
  /** 404 sends the body as the answer to an address that names nothing: never a 304. */
  status?: 200 | 404;
}

/**
 * The representation to send: identity when the client prefers it or the body is too small;
 * otherwise the first compressed form it prefers that is ready, or else the one to wait for
 * (gzip, made quickly, before br, which a large body gets only a while after it changes).
 */
function chooseCoding(
  body: CompressedBody,
  accepted: readonly ContentCoding[],
): { coding: ContentCoding; wait: boolean } {
  const identityAt = accepted.indexOf('identity');
  const preferred = (identityAt < 0 ? accepted : accepted.slice(0, identityAt)).filter(
    (coding) => coding !== 'identity',
  );
  if (!body.compressible || preferred.length === 0) return { coding: 'identity', wait: false };
  if (body.perRequest) {
    // Made once for this answer: in the form that costs least, br only when it is small.
    const small = body.sizes().identity <= SYNC_BROTLI_PIECES_MAX_BYTES;
    const cheap =
      preferred[0] === 'br' && small ? 'br' : preferred.includes('gzip') ? 'gzip' : 'br';
    return { coding: cheap, wait: true };
  }
  const ready = preferred.find((coding) => body.bytesFor(coding) !== null);
  if (ready !== undefined) return { coding: ready, wait: false };
  return { coding: preferred.includes('gzip') ? 'gzip' : (preferred[0] ?? 'identity'), wait: true };
}

/**
 * Answers with the best representation the client takes (br, gzip or the bytes as they are),
 * its ETag and `Vary: Accept-Encoding`, or 304 when If-None-Match names any representation it
 * holds (If-Modified-Since only when there is no If-None-Match). A client that asked for a
 * compressed form gets one, waiting for it if need be: never the uncompressed bytes instead.
 */
export async function sendCompressed(
  c: Context,
  body: CompressedBody,
  options: SendOptions,
): Promise<Response> {
  c.header('Vary', 'Accept-Encoding');
  if (options.cacheControl !== undefined) c.header('Cache-Control', options.cacheControl);
  if (options.lastModified != null) c.header('Last-Modified', options.lastModified.toUTCString());
  const status = options.status ?? 200;
  // A miss is answered in full every time: there is nothing to revalidate.
  const ifNoneMatch = status === 200 ? c.req.header('if-none-match') : undefined;
  if (ifNoneMatch !== undefined) {
    const held = matchingEtag(
      ifNoneMatch,
      CODINGS.map((coding) => body.etagFor(coding)),
    );
    if (held !== null) {
      c.header('ETag', held);
      return c.body(null, 304);
    }
  } else if (
    status === 200 &&
    notModifiedSince(c.req.header('if-modified-since'), options.lastModified)
  ) {
    c.header('ETag', body.etag);
    return c.body(null, 304);
  }
  const chosen = chooseCoding(body, acceptedCodings(c.req.header('accept-encoding')));
  let { coding } = chosen;
  if (chosen.wait) await body.whenReady(coding);
  // Content-Encoding always names what is sent: never plain bytes under a coding's name.
  const made = body.bytesFor(coding);
  if (made === null) coding = 'identity';
  const bytes = made ?? body.bytesFor('identity') ?? new Uint8Array(0);
  c.header('ETag', body.etagFor(coding));
  c.header('Content-Type', options.contentType);
  if (coding !== 'identity') c.header('Content-Encoding', coding);
  for (const [name, value] of Object.entries(options.headers ?? {})) c.header(name, value);
  if (bytes instanceof Uint8Array) return c.body(bytes, status);
  if (bytes.length === 1 && bytes[0] !== undefined) return c.body(bytes[0], status);
  c.header('Content-Length', String(totalLength(bytes)));
  return c.body(streamOf(bytes), status);
}

/** Pieces as a stream, handed over one at a time as the client takes them: nothing is copied. */
function streamOf(parts: readonly Bytes[]): ReadableStream<Bytes> {
  let next = 0;
  return new ReadableStream<Bytes>({
    pull(controller) {
      while (parts[next]?.byteLength === 0) next += 1;
      const part = parts[next];
      next += 1;
      if (part === undefined) controller.close();
      else controller.enqueue(part);
    },
  });
}

/** JSON with a strong ETag, compressed once: the cached form of a read route's answer. */
export function jsonBody(value: unknown): CompressedBody {
  return createCompressedBody(JSON.stringify(value));
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Answers with JSON kept in the read cache until the next write: built, encoded and hashed once,
 * compressed at most once, 304 on a matching If-None-Match. A build that throws (a 404) keeps
 * nothing.
 */
export function sendCachedJson(
  c: Context,
  cache: ReadCache,
  key: string,
  build: () => unknown,
): Promise<Response> {
  const memoKey = `json:${key}`;
  const body = cache.memo(
    memoKey,
    () => {
      const bytes = asBytes(Buffer.from(JSON.stringify(build()), 'utf8'));
      return createPiecesBody([new Piece(bytes)], hashOf(bytes), {
        onGrow: () => cache.remeasure(memoKey),
      });
    },
    (b) => b.byteSize(),
  );
  return sendCompressed(c, body, { contentType: JSON_TYPE });
}
