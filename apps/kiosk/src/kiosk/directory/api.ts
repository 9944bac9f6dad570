// The page's side of the directory. A worker (directory-worker.ts) fetches it, checks every
// answer with the shared schemas and saves a copy, so none of that holds up the screen. With no
// answers at all, the saved copy (saved-directory.ts) is used, and the occurrences are worked out
// on the device by the same builder the API uses (a small chunk without zod).
import type { buildOccurrences, occurrenceSpan } from '@fiveways/shared/build-occurrences';
import { addDays } from '@fiveways/shared/dates';
import type { describeRecurrence } from '@fiveways/shared/describe-recurrence';
import type { nextOccurrences } from '@fiveways/shared/recurrence';
import { AHEAD_DAYS } from '../filters.ts';
import { readSavedDirectory } from './saved-directory.ts';
import type {
  Directory,
  DirectoryData,
  DirectoryReply,
  DirectoryRequest,
  SavedDirectory,
} from './types.ts';

/** Days of occurrences the kiosk keeps: the four weeks a resident can choose from. */
export const DIRECTORY_DAYS = AHEAD_DAYS;
// The worker gives up on the network after 5 s; this is only for a worker that never answers.
const WORKER_TIMEOUT_MS = 15_000;
// Once it has answered, the worker saves the offline copy and ends itself; this is a backstop.
const WORKER_SAVE_MS = 30_000;

/** What working out occurrences on the device needs; none of it pulls in zod. */
export interface Rules {
  buildOccurrences: typeof buildOccurrences;
  nextOccurrences: typeof nextOccurrences;
  occurrenceSpan: typeof occurrenceSpan;
  describeRecurrence: typeof describeRecurrence;
}

export async function loadRules(): Promise<Rules> {
  const [occurrences, recurrence, describe] = await Promise.all([
    import('@fiveways/shared/build-occurrences'),
    import('@fiveways/shared/recurrence'),
    import('@fiveways/shared/describe-recurrence'),
  ]);
  return {
    buildOccurrences: occurrences.buildOccurrences,
    nextOccurrences: recurrence.nextOccurrences,
    occurrenceSpan: occurrences.occurrenceSpan,
    describeRecurrence: describe.describeRecurrence,
  };
}

/** Asks a fresh worker for the directory; the worker ends itself once it has saved a copy. */
function askWorker(request: DirectoryRequest): Promise<DirectoryData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./directory-worker.ts', import.meta.url), {
      type: 'module',
    });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error('The directory worker did not answer'));
    }, WORKER_TIMEOUT_MS);
    worker.addEventListener('message', (event: MessageEvent<DirectoryReply>) => {
      clearTimeout(timer);
      setTimeout(() => worker.terminate(), WORKER_SAVE_MS);
      const reply = event.data;
      if (reply.ok) resolve(reply.directory);
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(`The directory worker failed: ${event.message}`));
    });
    worker.postMessage(request);
  });
}

/** The directory from the copy saved on this device, its occurrences listed as the API would. */
export function offlineDirectory(saved: SavedDirectory, today: string, rules: Rules): Directory {
  const to = addDays(today, DIRECTORY_DAYS - 1);
  return {
    ...saved,
    occurrences: rules.buildOccurrences(saved.sessions, saved.venues, { from: today, to }),
    from: today,
    to,
    offline: true,
    nextOccurrences: rules.nextOccurrences,
    occurrenceSpan: rules.occurrenceSpan,
    buildOccurrences: rules.buildOccurrences,
    describeRecurrence: rules.describeRecurrence,
  };
}

/**
 * The directory for the coming four weeks: from the server when it answers (the service worker
 * answers from its own copy after ~3 s without the network), otherwise from the copy saved on
 * this device.
 */
export async function loadDirectory(today: string): Promise<Directory> {
  // The small rules chunk loads while the worker fetches: session details need it.
  const rules = loadRules();
  rules.catch(() => undefined); // awaited below; this stops an early failure counting as unhandled
  try {
    const fresh = await askWorker({ from: today, to: addDays(today, DIRECTORY_DAYS - 1) });
    const { nextOccurrences, occurrenceSpan, buildOccurrences, describeRecurrence } = await rules;
    return { ...fresh, nextOccurrences, occurrenceSpan, buildOccurrences, describeRecurrence };
  } catch (error) {
    console.warn('Using saved information', error);
    const saved = await readSavedDirectory();
    if (!saved) throw error;
    return offlineDirectory(saved, today, await rules);
  }
}
