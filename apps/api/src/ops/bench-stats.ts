// Figures for the benchmarks (BENCH_STATS=on only): on SIGUSR2 the server logs one line with the
// longest event-loop stall since the last such line, the read cache's bytes and its memory, then
// starts counting again. A signal rather than a route, so nothing of it is reachable over HTTP.
// On a shared machine a stall is also time the process waited for a CPU: Linux's schedstat for
// the main thread tells the two apart, so the line also gives the most CPU the main thread spent
// between two ticks of a 10 ms timer (the longest the service's own work held the loop).

import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { ReadCache } from '../cache/read-cache.ts';
import { takeLongestTurnMs } from '../cache/slices.ts';
import type { Logger } from './logger.ts';

/** The line's message: tests/bench/read-load.ts looks for it. */
export const BENCH_STATS_MSG = 'bench stats';

const MB = 1024 * 1024;
const ms = (ns: number) => Math.round(ns / 1e5) / 10;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Starts watching the event loop; each `signal` logs the figures so far and resets them. */
export function reportBenchStats(
  cache: ReadCache,
  log: Logger,
  signal: NodeJS.Signals = 'SIGUSR2',
): () => void {
  // 10 ms timer: a stall shows as that timer firing late by the stall's length.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const busy = watchMainThreadCpu();
  // The garbage collector's pauses, told apart from the service's own work.
  let gcMaxMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const report = () => {
    const memory = process.memoryUsage();
    const cpu = busy.take();
    log.info(BENCH_STATS_MSG, {
      loopMaxMs: ms(delay.max),
      loopP99Ms: ms(delay.percentile(99)),
      loopMeanMs: ms(delay.mean),
      loopMaxCpuMs: cpu?.maxRunMs ?? null,
      waitedForCpuMs: cpu?.waitedMs ?? null,
      gcMaxMs: Math.round(gcMaxMs * 10) / 10,
      sliceMaxMs: Math.round(takeLongestTurnMs() * 10) / 10,
      cacheMb: mb(cache.bytes()),
      cacheBudgetMb: mb(cache.budgetBytes),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      buffersMb: mb(memory.arrayBuffers),
    });
    delay.reset();
    gcMaxMs = 0;
  };
  process.on(signal, report);
  return () => {
    process.off(signal, report);
    delay.disable();
    busy.stop();
    gc.disconnect();
  };
}

/** CPU time the main thread has run and waited to run, in ns, or null off Linux. */
function schedstat(): { run: number; wait: number } | null {
  try {
    const [run = 0, wait = 0] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .trim()
      .split(' ')
      .map(Number);
    return { run, wait };
  } catch {
    return null;
  }
}

/** The most CPU the main thread spent between two 10 ms ticks, and the time it waited for one. */
function watchMainThreadCpu() {
  let last = schedstat();
  let first = last;
  let maxRun = 0;
  const timer = setInterval(() => {
    const now = schedstat();
    if (now === null || last === null) return;
    maxRun = Math.max(maxRun, now.run - last.run);
    last = now;
  }, 10);
  timer.unref();
  return {
    take() {
      const now = schedstat();
      if (now === null || last === null || first === null) return null;
      maxRun = Math.max(maxRun, now.run - last.run);
      const figures = { maxRunMs: ms(maxRun), waitedMs: ms(now.wait - first.wait) };
      [first, last, maxRun] = [now, now, 0];
      return figures;
    },
    stop: () => clearInterval(timer),
  };
}
