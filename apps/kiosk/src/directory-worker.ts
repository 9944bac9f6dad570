// Runs in a worker: fetches the kiosk's directory, checks every answer with the shared schemas and
// keeps a copy for offline use, so none of that (zod included) holds up the kiosk's screen. The
// requests start before the schemas' chunk has loaded. See api.ts for the page's side.
import type * as SharedModule from '@fiveways/shared';
import type { Area, Group, Occurrence, Session, Venue } from '@fiveways/shared';
import type {
  DirectoryData,
  DirectoryReply,
  DirectoryRequest,
  Meta,
  SavedDirectory,
} from './api.ts';
import { writeSavedDirectory } from './saved-directory.ts';

// Longer than the service worker's own ~3 s, which answers from its copy when the network is slow.
const TIMEOUT_MS = 5000;

type Shared = typeof SharedModule;
type Parse<T> = (raw: unknown) => T;

interface Fetched {
  raw: unknown;
  fetchedAt: number;
  fromCache: boolean;
}

async function getJson(path: string): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const cachedAt = response.headers.get('x-kiosk-fetched-at');
    const raw: unknown = await response.json();
    return {
      raw,
      fetchedAt: cachedAt ? Date.parse(cachedAt) : Date.now(),
      fromCache: cachedAt !== null,
    };
  } finally {
    clearTimeout(timer);
  }
}

function itemsOf(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object' && 'items' in raw && Array.isArray(raw.items))
    return raw.items;
  throw new Error('Expected a list');
}

/** Keeps the records that match the schema; one bad record must not blank the kiosk. */
function listOf<T>(schema: {
  safeParse: (v: unknown) => { success: boolean; data?: T };
}): Parse<T[]> {
  return (raw) => {
    const out: T[] = [];
    for (const item of itemsOf(raw)) {
      const result = schema.safeParse(item);
      if (result.success && result.data !== undefined) out.push(result.data);
      else console.warn('Skipped a record that does not match the contract', item);
    }
    return out;
  };
}

function parseMeta(raw: unknown): Meta {
  const r = (raw ?? {}) as Partial<Record<keyof Meta, unknown>>;
  return {
    sampleData: r.sampleData === true,
    dataVersion: typeof r.dataVersion === 'string' ? r.dataVersion : '',
    generatedAt: typeof r.generatedAt === 'string' ? r.generatedAt : '',
  };
}

/** Fetches a fresh snapshot; throws when any part cannot be had from the network or the SW cache. */
async function fetchDirectory({ from, to }: DirectoryRequest): Promise<DirectoryData> {
  const schemas: Promise<Shared> = import('@fiveways/shared');
  const [meta, areas, venues, groups, sessions, occurrences] = await Promise.all([
    getJson('/api/meta'),
    getJson('/api/areas'),
    getJson('/api/venues'),
    getJson('/api/groups'),
    getJson('/api/sessions'),
    getJson(`/api/occurrences?from=${from}&to=${to}`),
  ]);
  const s = await schemas;
  const parts = [meta, areas, venues, groups, sessions, occurrences];
  return {
    meta: parseMeta(meta.raw),
    areas: listOf<Area>(s.AreaSchema)(areas.raw),
    venues: listOf<Venue>(s.VenueSchema)(venues.raw),
    groups: listOf<Group>(s.GroupSchema)(groups.raw),
    sessions: listOf<Session>(s.SessionSchema)(sessions.raw),
    occurrences: listOf<Occurrence>(s.OccurrenceSchema)(
      (occurrences.raw as { occurrences?: unknown } | null)?.occurrences,
    ),
    from,
    to,
    fetchedAt: new Date(Math.min(...parts.map((p) => p.fetchedAt))).toISOString(),
    offline: parts.some((p) => p.fromCache),
  };
}

/** The copy kept on the device for offline use: everything but the dated occurrences. */
function savedForm(d: DirectoryData): SavedDirectory {
  return {
    meta: d.meta,
    areas: d.areas,
    venues: d.venues,
    groups: d.groups,
    sessions: d.sessions,
    fetchedAt: d.fetchedAt,
  };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<DirectoryRequest>) => {
  fetchDirectory(event.data)
    .then(async (directory) => {
      const reply: DirectoryReply = { ok: true, directory };
      scope.postMessage(reply);
      // Saved after answering, so the page is not kept waiting; the worker ends once it is done.
      if (!directory.offline) await writeSavedDirectory(savedForm(directory));
    })
    .catch((error: unknown) => {
      const reply: DirectoryReply = { ok: false, message: String(error) };
      scope.postMessage(reply);
    })
    .finally(() => scope.close());
});
