// Runs in a worker: fetches the kiosk's directory, checks every answer with the shared schemas and
// keeps a copy for offline use, so none of that (zod included) holds up the kiosk's screen. The
// requests start before the schemas' chunk has loaded. See api.ts for the page's side.
import {
  loadSchemas,
  parseAnswer,
  readJson,
  request,
  unexpectedAnswer,
  type Parser,
} from '../../common/api-client.ts';
import { writeSavedDirectory } from './saved-directory.ts';
import type { DirectoryData, DirectoryReply, DirectoryRequest, SavedDirectory } from './types.ts';

// Longer than the service worker's own ~3 s, which answers from its copy when the network is slow.
const TIMEOUT_MS = 5000;

interface Fetched {
  path: string;
  raw: unknown;
  fetchedAt: number;
  fromCache: boolean;
}

async function fetchPart(path: string): Promise<Fetched> {
  const response = await request('GET', path, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  // Set by the service worker on a copy it answered from: when that copy was fetched.
  const cachedAt = response.headers.get('x-kiosk-fetched-at');
  return {
    path,
    raw: await readJson(response, path),
    fetchedAt: cachedAt ? Date.parse(cachedAt) : Date.now(),
    fromCache: cachedAt !== null,
  };
}

/** The list in an answer: the answer itself (`key` null) or the field that holds it. */
function listIn(raw: unknown, key: 'items' | 'occurrences' | null): unknown[] | null {
  if (key === null) return Array.isArray(raw) ? raw : null;
  if (raw === null || typeof raw !== 'object') return null;
  const list: unknown = Reflect.get(raw, key);
  return Array.isArray(list) ? list : null;
}

/** The records of a list answer that match the schema; one bad record must not blank the kiosk. */
function keepValid<T>(part: Fetched, key: 'items' | 'occurrences' | null, schema: Parser<T>): T[] {
  const list = listIn(part.raw, key);
  if (list === null) throw unexpectedAnswer(part.path, `no list${key ? ` in "${key}"` : ''}`);
  const out: T[] = [];
  for (const item of list) {
    const result = schema.safeParse(item);
    if (result.success) out.push(result.data);
    else console.warn(`Skipped a record from ${part.path} that does not match the contract`, item);
  }
  return out;
}

/** Fetches a fresh snapshot; throws when any part cannot be had from the network or the SW cache. */
async function fetchDirectory({ from, to }: DirectoryRequest): Promise<DirectoryData> {
  const schemas = loadSchemas();
  const parts = await Promise.all([
    fetchPart('/api/meta'),
    fetchPart('/api/areas'),
    fetchPart('/api/venues'),
    fetchPart('/api/groups'),
    fetchPart('/api/sessions'),
    fetchPart(`/api/occurrences?from=${from}&to=${to}`),
  ]);
  const [meta, areas, venues, groups, sessions, occurrences] = parts;
  const s = await schemas;
  return {
    meta: parseAnswer(s.MetaSchema, meta.raw, meta.path),
    areas: keepValid(areas, null, s.AreaSchema),
    venues: keepValid(venues, null, s.VenueSchema),
    groups: keepValid(groups, 'items', s.GroupSchema),
    sessions: keepValid(sessions, 'items', s.SessionSchema),
    occurrences: keepValid(occurrences, 'occurrences', s.OccurrenceSchema),
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
