// A large body kept as pieces (a feed's chunks of events), each compressed once on its own, so a
// change to one piece costs one piece's work. gzip is assembled from the pieces' raw deflate
// segments into a single member (RFC 1952): each segment is compressed with no history and ends
// on a byte boundary with a sync flush, so segments can be joined in order, closed by one final
// empty block and a trailer whose CRC-32 is combined from the pieces' own.
// Exists only for the large-scale target (docs/benchmarks.md, size L): not a pattern to copy.

import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

export type Bytes = Uint8Array<ArrayBuffer>;

export interface Segment {
  /** Raw deflate data ending with a sync flush: no final block, byte aligned. */
  readonly deflated: Bytes;
  readonly crc: number;
  readonly length: number;
  /** x^(8·length) modulo the CRC polynomial: what appending these bytes does to a CRC. */
  readonly shift: number;
}

const asBytes = (b: Buffer): Bytes =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

const SEGMENT_OPTIONS = { finishFlush: constants.Z_SYNC_FLUSH } as const;

function segmentOf(bytes: Bytes, deflated: Bytes): Segment {
  const length = bytes.byteLength;
  // zlib hands back a view of its 16 KB output buffer: kept as it is, a 5 KB segment would hold
  // on to all of it.
  const exact = deflated.byteLength < deflated.buffer.byteLength ? deflated.slice() : deflated;
  return { deflated: exact, crc: crc32(bytes), length, shift: crc32Shift(length) };
}

/** Some bytes and, once made, their deflate segment and CRC-32, kept with them. */
export class Piece {
  #segment: Segment | null = null;
  #pending: Promise<Segment> | null = null;

  /** `onSegment` is told when the segment is made: whoever keeps the piece counts it then. */
  constructor(
    readonly bytes: Bytes,
    private readonly onSegment: () => void = () => undefined,
  ) {}

  /** The segment if made already. */
  get segment(): Segment | null {
    return this.#segment;
  }

  /** Makes the segment now, on this thread. */
  segmentSync(): Segment {
    if (this.#segment !== null) return this.#segment;
    this.#segment = segmentOf(this.bytes, asBytes(deflateRawSync(this.bytes, SEGMENT_OPTIONS)));
    this.onSegment();
    return this.#segment;
  }

  /** Makes the segment on zlib's thread pool. */
  segmentAsync(): Promise<Segment> {
    if (this.#segment !== null) return Promise.resolve(this.#segment);
    this.#pending ??= new Promise<Segment>((resolve, reject) => {
      deflateRaw(this.bytes, SEGMENT_OPTIONS, (error, out) => {
        if (error) return reject(error);
        if (this.#segment === null) {
          this.#segment = segmentOf(this.bytes, asBytes(out));
          this.onSegment();
        }
        resolve(this.#segment);
      });
    });
    return this.#pending;
  }
}

// CRC-32 combination, as zlib's crc32_combine does it since 1.2.12: the CRC of A followed by B is
// crc(A) times x^(8·len(B)) modulo the CRC polynomial, plus crc(B). Polynomials are 32-bit words,
// bit-reflected like the CRC itself; about a thousand word operations per combination.
const POLY = 0xedb88320;

/** a·b modulo the CRC polynomial. */
function multModP(a: number, b: number): number {
  if (a === 0) return 0;
  let m = 0x80000000;
  let p = 0;
  let bb = b >>> 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    if (m === 0) break;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
const X2N = new Uint32Array(32);
X2N[0] = 0x40000000; // x^1
for (let k = 1; k < 32; k += 1) X2N[k] = multModP(X2N[k - 1] ?? 0, X2N[k - 1] ?? 0);

/** x^(n·2^k) modulo the polynomial; n may pass 2^32. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  let rest = n;
  for (let bit = k; rest > 0; bit += 1, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) p = multModP(X2N[bit & 31] ?? 0, p);
  }
  return p;
}

/** What appending `length` bytes does to a CRC: x^(8·length) modulo the polynomial. */
export function crc32Shift(length: number): number {
  return x2nModP(length, 3);
}

/** The CRC of A followed by B, from crc(A), crc(B) and crc32Shift(length of B). */
export function crc32CombineShifted(crc1: number, crc2: number, shift: number): number {
  return (multModP(shift, crc1 >>> 0) ^ crc2) >>> 0;
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1 >>> 0;
  return crc32CombineShifted(crc1, crc2, crc32Shift(length2));
}

// ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown.
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// A final block of fixed codes holding only end-of-block, from a byte boundary.
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

/** One gzip member from segments in order, as pieces to send one after another (no copying). */
export function gzipFromSegments(segments: readonly Segment[]): Bytes[] {
  let crc = 0;
  let length = 0;
  const parts: Bytes[] = [GZIP_HEADER];
  for (const s of segments) {
    if (s.length === 0) continue;
    crc = crc32CombineShifted(crc, s.crc, s.shift);
    length += s.length;
    parts.push(s.deflated);
  }
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc, true);
  view.setUint32(4, length % 2 ** 32, true);
  parts.push(FINAL_BLOCK, trailer);
  return parts;
}

export function totalLength(parts: readonly Uint8Array[]): number {
  let n = 0;
  for (const p of parts) n += p.byteLength;
  return n;
}
