import { describe, expect, it } from 'vitest';
import { createReadCache } from '../cache/read-cache.ts';
import { BENCH_STATS_MSG, reportBenchStats } from './bench-stats.ts';
import { createLogger } from './logger.ts';

describe('reportBenchStats', () => {
  it('logs the loop stall, the cache and memory on the signal, and stops when told', () => {
    const lines: string[] = [];
    const cache = createReadCache({ budgetBytes: 64 * 1024 * 1024 });
    const stop = reportBenchStats(cache, createLogger({ write: (l) => lines.push(l) }), 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    stop();
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: BENCH_STATS_MSG, cacheMb: 0, cacheBudgetMb: 64 });
    for (const key of [
      'loopMaxMs',
      'loopP99Ms',
      'loopMaxCpuMs',
      'gcMaxMs',
      'sliceMaxMs',
      'rssMb',
    ]) {
      expect(typeof line[key]).toBe('number');
    }
  });
});
