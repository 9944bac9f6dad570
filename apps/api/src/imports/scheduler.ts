// The import timer inside the service (no extra process): every minute it imports the linked
// calendars that are due, one at a time. Started from index.ts; tests call runDueImports.
import type { ImportRun } from '@fiveways/shared';
import type { Logger } from '../ops/logger.ts';
import type { Importer } from './importer.ts';

/** How often the timer looks for due calendars; each calendar's own interval is IMPORT_INTERVAL_MINUTES. */
export const SCHEDULER_TICK_MS = 60_000;

/** Imports every linked calendar due at `now`; a failure is kept on its link, never thrown. */
export function runDueImports(importer: Importer, now: Date): Promise<ImportRun[]> {
  return importer.runDueImports(now);
}

export interface ImportScheduler {
  stop(): void;
}

/** Starts the timer; it never keeps the process alive by itself (unref), and stop() ends it. */
export function startImportScheduler(
  importer: Importer,
  options: { clock: () => Date; log: Logger; tickMs?: number },
): ImportScheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  async function tick() {
    try {
      const runs = await runDueImports(importer, options.clock());
      for (const run of runs) {
        const fields = {
          link: run.linkId,
          outcome: run.outcome,
          added: run.added,
          updated: run.updated,
          archived: run.archived,
          skipped: run.skipped,
        };
        if (run.outcome === 'failed')
          options.log.warn('calendar import failed', { ...fields, error: run.error });
        else options.log.info('calendar imported', fields);
      }
    } catch (error) {
      options.log.error('calendar imports stopped', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    schedule();
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void tick(), options.tickMs ?? SCHEDULER_TICK_MS);
    timer.unref();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
