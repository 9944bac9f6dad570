import { execFileSync } from 'node:child_process';
import { crc32, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Piece, crc32Combine, gzipFromSegments, totalLength } from './body-pieces.ts';

const join = (parts: readonly Uint8Array[]) => Buffer.concat(parts);

// Text that compresses (calendar-like lines) and bytes that do not, empty pieces included.
const pieceBytes = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 3000 }),
  fc
    .array(fc.constantFrom('BEGIN:VEVENT\r\n', 'SUMMARY:Time to Talk\r\n', 'é', '\u{1F600}', ' '), {
      maxLength: 400,
    })
    .map((words) => new Uint8Array(Buffer.from(words.join(''), 'utf8'))),
);

describe('crc32Combine', () => {
  it('equals the CRC-32 of the joined bytes', () => {
    fc.assert(
      fc.property(pieceBytes, pieceBytes, (a, b) => {
        expect(crc32Combine(crc32(a), crc32(b), b.byteLength)).toBe(crc32(Buffer.concat([a, b])));
      }),
    );
  });

  it('handles lengths past 2^32 bytes: joining is associative at any length', () => {
    // CRCs of runs of zero bytes, by doubling: 1 MiB up to 8 GiB.
    const zeros = new Map<number, number>([[2 ** 20, crc32(new Uint8Array(2 ** 20))]]);
    for (let n = 2 ** 20; n < 2 ** 33; n *= 2) {
      const c = zeros.get(n) ?? 0;
      zeros.set(n * 2, crc32Combine(c, c, n));
    }
    const a = crc32(Buffer.from('BEGIN:VCALENDAR'));
    const z = (n: number) => zeros.get(n) ?? 0;
    // (A + 4 GiB) + 2 GiB == A + (4 GiB + 2 GiB): lengths above 2^32 on both sides.
    const left = crc32Combine(crc32Combine(a, z(2 ** 32), 2 ** 32), z(2 ** 31), 2 ** 31);
    const right = crc32Combine(a, crc32Combine(z(2 ** 32), z(2 ** 31), 2 ** 31), 2 ** 32 + 2 ** 31);
    expect(left).toBe(right);
    // And 8 GiB of zeros equals two runs of 4 GiB, against a third route: 4 + 2 + 2.
    const viaHalves = crc32Combine(crc32Combine(a, z(2 ** 32), 2 ** 32), z(2 ** 32), 2 ** 32);
    const viaQuarters = crc32Combine(
      crc32Combine(crc32Combine(a, z(2 ** 32), 2 ** 32), z(2 ** 31), 2 ** 31),
      z(2 ** 31),
      2 ** 31,
    );
    expect(crc32Combine(a, z(2 ** 33), 2 ** 33)).toBe(viaHalves);
    expect(viaHalves).toBe(viaQuarters);
  });
});

describe('gzip from pieces', () => {
  it('decodes to exactly the joined pieces, segments made on or off the thread', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pieceBytes, { maxLength: 12 }),
        fc.boolean(),
        async (list, async) => {
          const pieces = list.map((b) => new Piece(new Uint8Array(b)));
          const segments = async
            ? await Promise.all(pieces.map((p) => p.segmentAsync()))
            : pieces.map((p) => p.segmentSync());
          const gz = join(gzipFromSegments(segments));
          expect(gunzipSync(gz).equals(join(list))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is read by GNU gzip, which checks the CRC and length in the trailer', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `SUMMARY:Session ${i}\r\n`).join('');
    const bytes = Buffer.from(text);
    const cuts = [0, 1, 5000, 5001, 40_000, bytes.byteLength];
    const pieces = cuts
      .slice(1)
      .map((end, i) => new Piece(new Uint8Array(bytes.subarray(cuts[i], end))));
    const gz = join(gzipFromSegments(pieces.map((p) => p.segmentSync())));
    expect(execFileSync('gzip', ['-dc'], { input: gz }).equals(bytes)).toBe(true);
    execFileSync('gzip', ['-t'], { input: gz });
    // A wrong trailer is caught by the independent decoder, so the check above means something.
    const broken = Buffer.from(gz);
    broken[broken.byteLength - 5] = (broken[broken.byteLength - 5] ?? 0) ^ 1;
    expect(() => execFileSync('gzip', ['-t'], { input: broken, stdio: 'pipe' })).toThrow();
  });

  it('compresses calendar text well despite the breaks between pieces', () => {
    const text = Array.from(
      { length: 4000 },
      (_, i) =>
        `BEGIN:VEVENT\r\nUID:session-${i}@fiveways\r\nSUMMARY:Time to Talk\r\nEND:VEVENT\r\n`,
    ).join('');
    const bytes = Buffer.from(text);
    const size = 64 * 1024;
    const pieces: Piece[] = [];
    for (let at = 0; at < bytes.byteLength; at += size) {
      pieces.push(new Piece(new Uint8Array(bytes.subarray(at, at + size))));
    }
    const gz = gzipFromSegments(pieces.map((p) => p.segmentSync()));
    expect(totalLength(gz)).toBeLessThan(bytes.byteLength / 5);
  });
});
