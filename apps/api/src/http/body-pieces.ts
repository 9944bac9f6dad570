// A large body kept as pieces (a feed's chunks of events), each compressed once on its own, so a
// change to one piece costs one piece's work. gzip is assembled from the pieces' raw deflate
// segments into a single member (RFC 1952): each segment is compressed with no history and ends
// on a byte boundary with a sync flush, so segments can be joined in order, closed by one final
// empty block and a trailer whose CRC-32 is combined from the pieces' own.

import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

export type Bytes = Uint8Array<ArrayBuffer>;

export interface Segment {
  /** Raw deflate data ending with a sync flush: no final block, byte aligned. */
  readonly deflated: Bytes;
  readonly crc: number;
  readonly length: number;
}

const asBytes = (b: Buffer): Bytes =>
  new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

const SEGMENT_OPTIONS = { finishFlush: constants.Z_SYNC_FLUSH } as const;

/** Some bytes and, once made, their deflate segment and CRC-32, kept with them. */
export class Piece {
  #segment: Segment | null = null;
  #pending: Promise<Segment> | null = null;

  constructor(readonly bytes: Bytes) {}

  /** The segment if made already. */
  get segment(): Segment | null {
    return this.#segment;
  }

  /** Makes the segment now, on this thread. */
  segmentSync(): Segment {
    this.#segment ??= {
      deflated: asBytes(deflateRawSync(this.bytes, SEGMENT_OPTIONS)),
      crc: crc32(this.bytes),
      length: this.bytes.byteLength,
    };
    return this.#segment;
  }

  /** Makes the segment on zlib's thread pool. */
  segmentAsync(): Promise<Segment> {
    if (this.#segment !== null) return Promise.resolve(this.#segment);
    this.#pending ??= new Promise<Segment>((resolve, reject) => {
      deflateRaw(this.bytes, SEGMENT_OPTIONS, (error, out) => {
        if (error) return reject(error);
        this.#segment ??= {
          deflated: asBytes(out),
          crc: crc32(this.bytes),
          length: this.bytes.byteLength,
        };
        resolve(this.#segment);
      });
    });
    return this.#pending;
  }
}

// CRC-32 combination (zlib's crc32_combine): the CRC of A followed by B from crc(A), crc(B) and
// B's length, by applying B's length in zero bits to crc(A) as a GF(2) matrix power.
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i += 1, v >>>= 1) if (v & 1) sum ^= matrix[i] ?? 0;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n += 1) square[n] = gf2Times(matrix, matrix[n] ?? 0);
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial, reflected
  for (let n = 1, row = 1; n < 32; n += 1, row <<= 1) odd[n] = row;
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four zero bits
  let crc = crc1 >>> 0;
  let remaining = length2;
  for (;;) {
    gf2Square(even, odd);
    if (remaining % 2 === 1) crc = gf2Times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    gf2Square(odd, even);
    if (remaining % 2 === 1) crc = gf2Times(odd, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
  }
  return (crc ^ crc2) >>> 0;
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
    crc = crc32Combine(crc, s.crc, s.length);
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
