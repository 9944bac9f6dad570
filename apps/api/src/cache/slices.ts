// Long work on the event loop done a little at a time: a job is a generator that yields at safe
// points; all running jobs share one slice of a few milliseconds per turn of the loop, then let
// other requests in. So building a list of a million items after a write, or many feeds at once,
// delays other answers by a slice, not by seconds.

/** A job: yields where it may be paused, returns its result. */
export type Sliced<T> = Generator<void, T, void>;

/**
 * The longest sliced work holds the event loop at a time, all jobs together: however many are
 * running, they share one slice per turn of the loop, so other requests wait at most this long.
 */
export const SLICE_MS = 8;

/** A running job: runs until `until` (ms, performance.now()) or its end; true once it ended. */
type Step = (until: number) => boolean;

const running: Step[] = [];
let turnScheduled = false;

function scheduleTurn() {
  if (turnScheduled) return;
  turnScheduled = true;
  setImmediate(turn);
}

/** One slice: the running jobs in turn, each once at most, until the slice's time is spent. */
function turn() {
  turnScheduled = false;
  const until = performance.now() + SLICE_MS;
  for (let left = running.length; left > 0 && performance.now() < until; left -= 1) {
    const step = running.shift();
    // A job that ran out of time goes to the back: the next slice starts with the others.
    if (step !== undefined && !step(until)) running.push(step);
  }
  longestTurn = Math.max(longestTurn, performance.now() - (until - SLICE_MS));
  if (running.length > 0) scheduleTurn();
}

let longestTurn = 0;

/** The longest one turn of sliced work held the loop since the last call, ms (for benchmarks). */
export function takeLongestTurnMs(): number {
  const longest = longestTurn;
  longestTurn = 0;
  return longest;
}

/** Runs a job to its end in the shared slices. Rejects with whatever the job throws. */
export function runInSlices<T>(job: Sliced<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    running.push((until) => {
      try {
        for (;;) {
          const step = job.next();
          if (step.done === true) {
            resolve(step.value);
            return true;
          }
          if (performance.now() >= until) return false;
        }
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return true;
      }
    });
    scheduleTurn();
  });
}

/**
 * Jobs run at most `concurrency` at a time, in the order they came: each holds the memory of
 * what it is building until it ends, so a burst of different requests builds a few things at a
 * time instead of everything at once.
 */
export function createJobQueue(concurrency: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return {
    run<T>(job: () => Sliced<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active += 1;
          runInSlices(job()).then(resolve, reject).finally(next);
        };
        if (active < concurrency) start();
        else waiting.push(start);
      });
    },
    /** Jobs running or waiting. */
    size: () => active + waiting.length,
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
