// The public pages' own reads. Light shape checks instead of the shared zod schemas keep this
// phone-first chunk small; each check names what was missing so a contract drift is plain.

import type { Area, Session, Venue, Way } from '@fiveways/shared';

/** The API answered 404: the thing asked for does not exist (or no longer does). */
export class NotFoundError extends Error {
  constructor(path: string) {
    super(`Not found: ${path}`);
    this.name = 'NotFoundError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectFields(value: unknown, what: string, fields: Record<string, string>): Json {
  if (!isObject(value)) throw new Error(`The ${what} from the server is not an object`);
  for (const [field, type] of Object.entries(fields)) {
    const actual = Array.isArray(value[field])
      ? 'array'
      : value[field] === null
        ? 'null'
        : typeof value[field];
    if (!type.split('|').includes(actual)) {
      throw new Error(`The ${what} from the server has no ${type} "${field}"`);
    }
  }
  return value;
}

function expectList(value: unknown, what: string, fields: Record<string, string>): Json[] {
  if (!Array.isArray(value)) throw new Error(`The ${what} list from the server is not a list`);
  return value.map((item) => expectFields(item, what, fields));
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  if (response.status === 404) throw new NotFoundError(path);
  if (!response.ok) throw new Error(`The server answered ${response.status} for ${path}`);
  return response.json();
}

export async function fetchWays(signal?: AbortSignal): Promise<Way[]> {
  const body = await getJson('/api/ways', signal);
  return expectList(body, 'way', { slug: 'string', name: 'string' }) as Way[];
}

export async function fetchAreas(signal?: AbortSignal): Promise<Area[]> {
  const body = await getJson('/api/areas', signal);
  return expectList(body, 'area', { slug: 'string', name: 'string' }) as Area[];
}

export async function fetchVenues(signal?: AbortSignal): Promise<Venue[]> {
  const body = await getJson('/api/venues', signal);
  return expectList(body, 'venue', {
    slug: 'string',
    name: 'string',
    areaSlug: 'string',
    isHub: 'boolean',
    address: 'string',
  }) as Venue[];
}

export async function fetchSession(id: string, signal?: AbortSignal): Promise<Session> {
  // Only whole numbers name a session; anything else cannot exist.
  if (!/^\d{1,12}$/.test(id)) throw new NotFoundError(`/api/sessions/${id}`);
  const body = await getJson(`/api/sessions/${id}`, signal);
  const session = expectFields(body, 'session', {
    id: 'number',
    title: 'string',
    venue: 'object',
    ways: 'array',
    startDate: 'string',
    startTime: 'string',
    endTime: 'string',
    repeat: 'object|null',
    until: 'string|null',
    count: 'number|null',
    booking: 'string',
    cost: 'object',
    contact: 'object',
    exceptions: 'array',
  });
  expectFields(session.venue, 'session venue', { slug: 'string', name: 'string' });
  return session as Session;
}

/** Whether the service is showing made-up sample data; false when it cannot tell. */
export async function fetchIsSampleData(signal?: AbortSignal): Promise<boolean> {
  try {
    const body = await getJson('/api/meta', signal);
    return isObject(body) && body.sampleData === true;
  } catch {
    return false;
  }
}
