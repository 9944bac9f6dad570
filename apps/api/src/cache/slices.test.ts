import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJobQueue, runInSlices, sortInSlices, type Sliced } from './slices.ts';

function runToEnd<T>(job: Sliced<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = job.next();
    if (step.done === true) return { value: step.value, yields };
    yields += 1;
  }
}

describe('sortInSlices', () => {
  it('sorts as Array#sort does, stably', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.nat(20), at: fc.nat() }), { maxLength: 3000 }),
        (xs) => {
          const items = xs.map((x, i) => ({ ...x, at: i }));
          const expected = [...items].sort((a, b) => a.key - b.key);
          runToEnd(sortInSlices(items, (a, b) => a.key - b.key));
          expect(items).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('yields every few hundred items, so a long sort can be paused', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 20_000);
    const { yields } = runToEnd(sortInSlices(items, (a, b) => a - b));
    expect(items).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    // 40 blocks, then log2(40) ≈ 6 merge passes of 40 steps, then copying back.
    expect(yields).toBeGreaterThan(200);
  });
});

describe('runInSlices', () => {
  it('lets other callbacks run between slices', async () => {
    const seen: string[] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const job = function* () {
      for (let i = 0; i < 5; i += 1) {
        seen.push(`step ${i} after ${ticks} ticks`);
        const until = performance.now() + 5;
        while (performance.now() < until) yield;
      }
      return 'done';
    };
    const result = await runInSlices(job(), { sliceMs: 1 });
    clearInterval(timer);
    expect(result).toBe('done');
    expect(ticks).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.split(' after ')[1])).size).toBeGreaterThan(1);
  });

  it('rejects with what the job throws', async () => {
    const job = function* (): Sliced<number> {
      yield;
      throw new Error('broken');
    };
    await expect(runInSlices(job())).rejects.toThrow('broken');
  });
});

describe('createJobQueue', () => {
  it('runs at most so many jobs at once, in the order they came', async () => {
    const queue = createJobQueue(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) =>
      function* () {
        running += 1;
        most = Math.max(most, running);
        for (let i = 0; i < 3; i += 1) yield;
        order.push(n);
        running -= 1;
        return n;
      };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(job(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBeLessThanOrEqual(2);
    expect(queue.size()).toBe(0);
  });
});
