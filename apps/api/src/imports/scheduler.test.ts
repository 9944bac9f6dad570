import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_ENV } from '../env.ts';
import { silentLogger } from '../ops/logger.ts';
import { nextAttemptAfter } from './calendar-links.queries.ts';
import type { Importer } from './importer.ts';
import { startImportScheduler } from './scheduler.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('the import timer', () => {
  it('looks for due calendars on every tick until stopped, and survives a failing tick', async () => {
    const asked: Date[] = [];
    const importer: Importer = {
      settings: DEFAULT_IMPORT_ENV,
      tools: {
        urlOf: (url) => ({ url }),
        fetch: () => Promise.resolve({ kind: 'not-modified' }),
        plan: () => ({ error: 'unused' }),
      },
      preview: () => Promise.resolve({ error: 'unused' }),
      importLink: () => Promise.reject(new Error('unused')),
      runDueImports: (now) => {
        asked.push(now);
        return asked.length === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve([]);
      },
    };
    const scheduler = startImportScheduler(importer, {
      clock: () => NOW,
      log: silentLogger,
      tickMs: 5,
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    scheduler.stop();
    const seen = asked.length;
    expect(seen).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(asked.length).toBe(seen);
    expect(asked[0]).toEqual(NOW);
  });
});

describe('nextAttemptAfter', () => {
  it('waits the interval after a success, doubling per failure, at most a day', () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    expect(nextAttemptAfter(NOW, 60, 0)).toBe(at(60));
    expect(nextAttemptAfter(NOW, 60, 1)).toBe(at(120));
    expect(nextAttemptAfter(NOW, 60, 3)).toBe(at(480));
    expect(nextAttemptAfter(NOW, 60, 5)).toBe(at(1440));
    expect(nextAttemptAfter(NOW, 60, 50)).toBe(at(1440));
    // An interval of a day is never shortened by the cap.
    expect(nextAttemptAfter(NOW, 1440, 2)).toBe(at(1440));
  });
});
