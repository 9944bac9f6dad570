// Test helpers for the staff API: a fresh sample database, a movable clock, and logged-in people.
import type { Role } from '@fiveways/shared';
import { createApp } from '../app.ts';
import { createLogin } from '../auth/logins.queries.ts';
import { hashPassword } from '../auth/password.ts';
import { LOGIN_COOKIE } from '../auth/staff-auth.ts';
import { insertUser } from '../auth/users.queries.ts';
import { createReadCache } from '../cache/read-cache.ts';
import { openTestDb, TEST_NOW, testShellRoot } from '../test-support.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** One real scrypt hash of TEST_PASSWORD, shared by every account a test makes. */
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

/** Venue A and venue B of the sample fixture, plus one neither staff member looks after. */
export const VENUE_A = 'gorse-hill-hub';
export const VENUE_B = 'rainbow-hill-hub';
export const VENUE_C = 'warndon-church-hall';

export interface RequestOptions {
  body?: unknown;
  /** A raw body, sent as is (for malformed JSON). */
  rawBody?: string;
  cookie?: string | null;
  /** The Origin header; defaults to the service's own origin. null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** The socket's remote address. */
  address?: string;
}

export function makeStaffTestApp(
  options: { publicUrl?: string; feedChunkIds?: number | undefined } = {},
) {
  const publicUrl = options.publicUrl ?? 'http://localhost:8787';
  const db = openTestDb();
  const cache = createReadCache();
  let now = TEST_NOW.getTime();
  const clock = () => new Date(now);
  const app = createApp({
    db,
    clock,
    publicUrl,
    cache,
    staticRoot: testShellRoot(),
    feedChunkIds: options.feedChunkIds,
  });

  async function request(method: string, path: string, opts: RequestOptions = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    const origin = opts.origin === undefined ? new URL(publicUrl).origin : opts.origin;
    if (origin !== null) headers['origin'] = origin;
    if (opts.cookie) headers['cookie'] = opts.cookie;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    const env = { incoming: { socket: { remoteAddress: opts.address ?? '192.0.2.1' } } };
    return app.request(path, init, env);
  }

  /** Makes an account with TEST_PASSWORD; returns its id. */
  async function createUser(email: string, role: Role, venues: string[] = []): Promise<number> {
    return insertUser(
      db,
      {
        email,
        name: email.split('@')[0] ?? email,
        role,
        venues,
        passwordHash: await testPasswordHash(),
      },
      clock().toISOString(),
    );
  }

  /** A cookie header for a fresh login of that account. */
  function cookieFor(userId: number): string {
    return `${LOGIN_COOKIE}=${createLogin(db, userId, clock())}`;
  }

  /** Admin, staff of venue A, staff of venue B, and their cookies. */
  async function createPeople() {
    const admin = await createUser('admin@example.org', 'admin');
    const staffA = await createUser('a@example.org', 'staff', [VENUE_A]);
    const staffB = await createUser('b@example.org', 'staff', [VENUE_B]);
    return {
      ids: { admin, staffA, staffB },
      cookies: { admin: cookieFor(admin), staffA: cookieFor(staffA), staffB: cookieFor(staffB) },
    };
  }

  return {
    app,
    db,
    cache,
    publicUrl,
    clock,
    advance(ms: number) {
      now += ms;
    },
    request,
    createUser,
    cookieFor,
    createPeople,
  };
}

export type StaffTestApp = ReturnType<typeof makeStaffTestApp>;

/** Every row of every table a write can touch, to show that a refused request changed nothing. */
export function dumpTables(db: StaffTestApp['db']): string {
  const tables = [
    'areas',
    'venues',
    'groups',
    'sessions',
    'session_exceptions',
    'users',
    'user_venues',
    'user_tokens',
    'audit_log',
  ];
  return JSON.stringify(
    tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  );
}
