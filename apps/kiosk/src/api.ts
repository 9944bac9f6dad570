// The one place that fetches. Responses are checked with the shared schemas, which load in their
// own chunk (with zod) once the first answer arrives, so the first download stays small. With no
// answers at all, only the recurrence rules load (a small chunk without zod) to work out the week.
import type * as SharedModule from '@fiveways/shared';
import type { Area, Group, Occurrence, Session, Venue } from '@fiveways/shared';
import type { toLondonInstant } from '@fiveways/shared/london-time';
import type { expandRecurrence, nextOccurrences } from '@fiveways/shared/recurrence';
import { addDaysTo } from './kiosk/dates.ts';

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

/** Days of occurrences the kiosk keeps: this week and next. */
export const DIRECTORY_DAYS = 14;
export const DIRECTORY_STORAGE_KEY = 'fiveways.kiosk.directory';
// Longer than the service worker's own ~3 s, which answers from its copy when the network is slow.
const TIMEOUT_MS = 5000;

type Shared = typeof SharedModule;
type Parse<T> = (raw: unknown) => T;

/** What working out occurrences on the device needs; none of it pulls in zod. */
export interface Rules {
  expandRecurrence: typeof expandRecurrence;
  nextOccurrences: typeof nextOccurrences;
  toLondonInstant: typeof toLondonInstant;
}

async function loadRules(): Promise<Rules> {
  const [recurrence, londonTime] = await Promise.all([
    import('@fiveways/shared/recurrence'),
    import('@fiveways/shared/london-time'),
  ]);
  return {
    expandRecurrence: recurrence.expandRecurrence,
    nextOccurrences: recurrence.nextOccurrences,
    toLondonInstant: londonTime.toLondonInstant,
  };
}

/** The schemas' chunk, asked for once, when the first answer needs checking. */
let schemas: Promise<Shared> | null = null;
const loadSchemas = () =>
  (schemas ??= import('@fiveways/shared').catch((error: unknown) => {
    schemas = null; // try again at the next refresh
    throw error;
  }));

interface Fetched<T> {
  data: T;
  fetchedAt: number;
  fromCache: boolean;
}

async function getJson<T>(
  path: string,
  parse: (shared: Shared) => Parse<T>,
  timeoutMs = TIMEOUT_MS,
): Promise<Fetched<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(path, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const cachedAt = response.headers.get('x-kiosk-fetched-at');
    const raw: unknown = await response.json();
    return {
      data: parse(await loadSchemas())(raw),
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
async function fetchDirectory(today: string): Promise<Directory> {
  const from = today;
  const to = addDaysTo(today, DIRECTORY_DAYS - 1);
  const [meta, areas, venues, groups, sessions, occurrences] = await Promise.all([
    getJson('/api/meta', () => parseMeta),
    getJson('/api/areas', (s) => listOf<Area>(s.AreaSchema)),
    getJson('/api/venues', (s) => listOf<Venue>(s.VenueSchema)),
    getJson('/api/groups', (s) => listOf<Group>(s.GroupSchema)),
    getJson('/api/sessions', (s) => listOf<Session>(s.SessionSchema)),
    getJson(
      `/api/occurrences?from=${from}&to=${to}`,
      (s) => (raw) =>
        listOf<Occurrence>(s.OccurrenceSchema)(
          (raw as { occurrences?: unknown } | null)?.occurrences,
        ),
    ),
  ]);
  const shared = await loadSchemas();
  const parts = [meta, areas, venues, groups, sessions, occurrences];
  return {
    meta: meta.data,
    areas: areas.data,
    venues: venues.data,
    groups: groups.data,
    sessions: sessions.data,
    occurrences: occurrences.data,
    from,
    to,
    fetchedAt: new Date(Math.min(...parts.map((p) => p.fetchedAt))).toISOString(),
    offline: parts.some((p) => p.fromCache),
    nextOccurrences: shared.nextOccurrences,
  };
}

type SavedDirectory = Omit<
  Directory,
  'occurrences' | 'offline' | 'from' | 'to' | 'nextOccurrences'
>;

function saveDirectory(d: Directory): void {
  const saved: SavedDirectory = {
    meta: d.meta,
    areas: d.areas,
    venues: d.venues,
    groups: d.groups,
    sessions: d.sessions,
    fetchedAt: d.fetchedAt,
  };
  try {
    localStorage.setItem(DIRECTORY_STORAGE_KEY, JSON.stringify(saved));
  } catch (error) {
    console.warn('Could not save the directory for offline use', error);
  }
}

function readSavedDirectory(): SavedDirectory | null {
  try {
    const raw = localStorage.getItem(DIRECTORY_STORAGE_KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as SavedDirectory;
    return Array.isArray(saved.sessions) && Array.isArray(saved.venues) ? saved : null;
  } catch {
    return null;
  }
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
  try {
    const fresh = await fetchDirectory(today);
    if (!fresh.offline) saveDirectory(fresh);
    return fresh;
  } catch (error) {
    console.warn('Using saved information', error);
    const saved = readSavedDirectory();
    if (!saved) throw error;
    const rules = await loadRules();
    const to = addDaysTo(today, DIRECTORY_DAYS - 1);
    return {
      ...saved,
      occurrences: computeOccurrences(rules, saved.sessions, saved.venues, today, to),
      from: today,
      to,
      offline: true,
      nextOccurrences: rules.nextOccurrences,
    };
  }
}
