// The page's side of the directory. A worker (directory-worker.ts) fetches it, checks every
// answer with the shared schemas and saves a copy, so none of that holds up the screen. With no
// answers at all, the saved copy (saved-directory.ts) is used and only the recurrence rules load
// (a small chunk without zod) to work out the week on the device.
import type { Area, Group, Occurrence, Session, Venue } from '@fiveways/shared';
import { toLondonInstant } from '@fiveways/shared/london-time';
import type { expandRecurrence, nextOccurrences } from '@fiveways/shared/recurrence';
import { addDaysTo } from './kiosk/dates.ts';
import { readSavedDirectory } from './saved-directory.ts';

export interface Meta {
  sampleData: boolean;
  dataVersion: string;
  generatedAt: string;
}

/** Everything the kiosk shows, as one snapshot that changes only on the attract screen. */
export interface Directory {
  meta: Meta;
  areas: Area[];
  venues: Venue[];
  groups: Group[];
  sessions: Session[];
  occurrences: Occurrence[];
  /** Inclusive local dates the occurrences cover. */
  from: string;
  to: string;
  /** When this information came from the server (ISO instant). */
  fetchedAt: string;
  /** True when the server could not be reached and saved information is shown. */
  offline: boolean;
  /** The shared recurrence module's next-dates function, for session details. */
  nextOccurrences: typeof nextOccurrences;
}

/** The directory as the worker sends it: everything but the function. */
export type DirectoryData = Omit<Directory, 'nextOccurrences'>;

/** What the page asks the worker for: inclusive local dates of occurrences. */
export interface DirectoryRequest {
  from: string;
  to: string;
}

/** The worker's answer. */
export type DirectoryReply =
  { ok: true; directory: DirectoryData } | { ok: false; message: string };

/** What is kept on the device between runs: everything but the dated occurrences. */
export type SavedDirectory = Omit<
  Directory,
  'occurrences' | 'offline' | 'from' | 'to' | 'nextOccurrences'
>;

/** Days of occurrences the kiosk keeps: this week and next. */
export const DIRECTORY_DAYS = 14;
// The worker gives up on the network after 5 s; this is only for a worker that never answers.
const WORKER_TIMEOUT_MS = 15_000;
// Once it has answered, the worker saves the offline copy and ends itself; this is a backstop.
const WORKER_SAVE_MS = 30_000;

/** What working out occurrences on the device needs; none of it pulls in zod. */
export interface Rules {
  expandRecurrence: typeof expandRecurrence;
  nextOccurrences: typeof nextOccurrences;
  toLondonInstant: typeof toLondonInstant;
}

async function loadRules(): Promise<Rules> {
  const recurrence = await import('@fiveways/shared/recurrence');
  return {
    expandRecurrence: recurrence.expandRecurrence,
    nextOccurrences: recurrence.nextOccurrences,
    // Already in the first download: the kiosk's clock uses it.
    toLondonInstant,
  };
}

/** Asks a fresh worker for the directory; the worker ends itself once it has saved a copy. */
function fetchDirectory(request: DirectoryRequest): Promise<DirectoryData> {
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

/** Occurrences worked out on the device from saved sessions, as the API would list them. */
export function computeOccurrences(
  rules: Rules,
  sessions: readonly Session[],
  venues: readonly Venue[],
  from: string,
  to: string,
): Occurrence[] {
  const venueBySlug = new Map(venues.map((v) => [v.slug, v]));
  const out: Occurrence[] = [];
  for (const s of sessions) {
    if (s.status !== 'active') continue;
    for (const o of rules.expandRecurrence(s, from, to)) {
      const moved = o.venueSlug ? venueBySlug.get(o.venueSlug) : undefined;
      out.push({
        sessionId: s.id,
        title: s.title,
        date: o.date,
        start: rules.toLondonInstant(o.startDate, o.startTime),
        end: rules.toLondonInstant(o.startDate, o.endTime),
        status: o.status,
        cancelReason: o.reason,
        changed: o.changed,
        venue: moved ? { slug: moved.slug, name: moved.name, areaSlug: moved.areaSlug } : s.venue,
        ways: s.ways,
        kind: s.kind,
        booking: s.booking,
        free: s.cost.free,
        audiences: s.audiences,
        group: s.group,
      });
    }
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The directory for the coming two weeks: from the server when it answers within ~3 s, otherwise
 * from the copy saved on this device, with occurrences worked out here from the saved sessions.
 */
export async function loadDirectory(today: string): Promise<Directory> {
  const to = addDaysTo(today, DIRECTORY_DAYS - 1);
  // The small recurrence chunk loads while the worker fetches: session details need it.
  const rules = loadRules();
  rules.catch(() => undefined); // awaited below; this stops an early failure counting as unhandled
  try {
    const fresh = await fetchDirectory({ from: today, to });
    return { ...fresh, nextOccurrences: (await rules).nextOccurrences };
  } catch (error) {
    console.warn('Using saved information', error);
    const saved = await readSavedDirectory();
    if (!saved) throw error;
    const loaded = await rules;
    return {
      ...saved,
      occurrences: computeOccurrences(loaded, saved.sessions, saved.venues, today, to),
      from: today,
      to,
      offline: true,
      nextOccurrences: loaded.nextOccurrences,
    };
  }
}
