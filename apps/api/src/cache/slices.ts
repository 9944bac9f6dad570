// Long work on the event loop done a little at a time: a job is a generator that yields at safe
// points, and runs for at most a few milliseconds before letting other requests in. So building
// a list of a million items after a write delays other answers by a slice, not by seconds.

/** A job: yields where it may be paused, returns its result. */
export type Sliced<T> = Generator<void, T, void>;

/** The longest a job holds the event loop at a time. */
export const SLICE_MS = 8;

export interface SliceOptions {
  sliceMs?: number;
}

/**
 * Runs a job to its end, SLICE_MS at a time, the first slice at once (a small job finishes in
 * it). Rejects with whatever the job throws.
 */
export function runInSlices<T>(job: Sliced<T>, { sliceMs = SLICE_MS }: SliceOptions = {}) {
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      const until = performance.now() + sliceMs;
      try {
        for (;;) {
          const step = job.next();
          if (step.done === true) return resolve(step.value);
          if (performance.now() >= until) break;
        }
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      setImmediate(slice);
    };
    slice();
  });
}

/**
 * Jobs run at most `concurrency` at a time, in the order they came: each holds the memory of
 * what it is building until it ends, so a burst of different requests builds a few things at a
 * time instead of everything at once.
 */
export function createJobQueue(concurrency: number, options: SliceOptions = {}) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return {
    run<T>(job: () => Sliced<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running += 1;
          runInSlices(job(), options).then(resolve, reject).finally(next);
        };
        if (running < concurrency) start();
        else waiting.push(start);
      });
    },
    /** Jobs running or waiting. */
    size: () => running + waiting.length,
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

/** Items moved between yields while sorting. */
const SORT_STEP = 512;

/**
 * Sorts `items` in place, stably, yielding every few hundred items: a merge sort whose runs
 * start as sorted blocks of SORT_STEP items.
 */
export function* sortInSlices<T extends NonNullable<unknown>>(
  items: T[],
  compare: (a: T, b: T) => number,
): Sliced<void> {
  const n = items.length;
  for (let lo = 0; lo < n; lo += SORT_STEP) {
    items
      .slice(lo, lo + SORT_STEP)
      .sort(compare)
      .forEach((item, i) => (items[lo + i] = item));
    yield;
  }
  let from = items;
  let to: T[] = [];
  for (let width = SORT_STEP; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let [i, j, k] = [lo, mid, lo];
      while (k < hi) {
        for (const stop = Math.min(hi, k + SORT_STEP); k < stop; k += 1) {
          const a = i < mid ? from[i] : undefined;
          const b = j < hi ? from[j] : undefined;
          if (a !== undefined && (b === undefined || compare(a, b) <= 0)) {
            to[k] = a;
            i += 1;
          } else if (b !== undefined) {
            to[k] = b;
            j += 1;
          }
        }
        yield;
      }
    }
    [from, to] = [to, from];
  }
  if (from === items) return;
  for (let lo = 0; lo < n; lo += SORT_STEP) {
    from.slice(lo, lo + SORT_STEP).forEach((item, i) => (items[lo + i] = item));
    yield;
  }
}
