// The staff area's one place that talks to the server: same-origin fetch with the session cookie,
// JSON in and out, and every failure turned into an ApiFailure with plain-English messages.

import {
  ApiErrorSchema,
  AreaSchema,
  GroupListSchema,
  OccurrenceListSchema,
  SessionSchema,
  VenueSchema,
  type ApiIssue,
  type Area,
  type Group,
  type Occurrence,
  type Session,
  type Venue,
} from '@fiveways/shared';

/** A request the server refused, or one that never reached it. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Plain-English fallbacks when the server sends no error envelope. */
function messageForStatus(status: number): string {
  if (status === 401) return 'Please log in again: your session has ended.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'That could not be found. It may have been removed.';
  if (status === 429) return 'Too many attempts. Please wait a few minutes and try again.';
  if (status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
  return 'That did not work. Please check the form and try again.';
}

async function readError(response: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: fall back to a message for the status.
  }
  const parsed = ApiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiFailure(response.status, code, message, issues);
  }
  return new ApiFailure(
    response.status,
    `http-${response.status}`,
    messageForStatus(response.status),
  );
}

/** Sends a request and returns the parsed JSON body (undefined for 204), or throws ApiFailure. */
export async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : {
              accept: 'application/json',
              'content-type': 'application/json',
            },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(
      0,
      'network',
      'Could not reach the server. Check the connection and try again.',
    );
  }
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  return response.json() as Promise<unknown>;
}

interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** Parses a response with a shared schema, so a contract mismatch shows as a clear error. */
export function parseWith<T>(schema: Parser<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiFailure(0, 'bad-response', 'The server sent something unexpected. Please reload.');
  }
  return parsed.data;
}

/** Lists arrive as a bare array or wrapped ({ items }, { users }, …): returns the array. */
export function pickList(data: unknown): unknown[] {
  if (Array.isArray(data)) return data as unknown[];
  if (data !== null && typeof data === 'object') {
    for (const key of ['items', 'sessions', 'users', 'entries', 'audit', 'groups', 'venues']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as unknown[];
    }
  }
  return [];
}

export const get = (path: string) => request('GET', path);
export const post = (path: string, body?: unknown) => request('POST', path, body ?? {});
export const patch = (path: string, body: unknown) => request('PATCH', path, body);
export const del = (path: string) => request('DELETE', path);

/** Message for any thrown value, for places that only need a sentence. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return 'Something went wrong. Please try again.';
}

// Reads the staff pages share, parsed with the contract's schemas.

export async function loadVenues(): Promise<Venue[]> {
  return pickList(await get('/api/venues')).map((v) => parseWith(VenueSchema, v));
}

export async function loadAreas(): Promise<Area[]> {
  return pickList(await get('/api/areas')).map((a) => parseWith(AreaSchema, a));
}

export async function loadSession(id: string): Promise<Session> {
  return parseWith(SessionSchema, await get(`/api/sessions/${encodeURIComponent(id)}`));
}

export async function loadGroups(): Promise<Group[]> {
  return parseWith(GroupListSchema, await get('/api/groups')).items;
}

/** Occurrences from..to (inclusive local dates) at the given venues, or everywhere for null. */
export async function loadOccurrences(
  from: string,
  to: string,
  venues: readonly string[] | null,
): Promise<Occurrence[]> {
  const query = (venue?: string) =>
    `/api/occurrences?${new URLSearchParams({ from, to, ...(venue ? { venue } : {}) }).toString()}`;
  const paths = venues === null ? [query()] : venues.map((v) => query(v));
  const lists = await Promise.all(
    paths.map(async (p) => parseWith(OccurrenceListSchema, await get(p)).occurrences),
  );
  return lists.flat().sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
