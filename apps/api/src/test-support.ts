// Test helpers: a fresh, migrated in-memory database filled with a small, known directory; the
// app over it; and, for the staff side, a movable clock and logged-in people.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@fiveways/shared';
import { createApp, type App, type AppDeps } from './app.ts';
import { LOGIN_COOKIE } from './auth/login.ts';
import { createLogin } from './auth/logins.queries.ts';
import { hashPassword, type PasswordHasher } from './auth/password.ts';
import { createReadCache } from './cache/read-cache.ts';
import { openDb, type Db } from './db/open-db.ts';
import type { ImportEnv } from './env.ts';
import { createImporter } from './imports/importer.ts';
import { seedSampleData } from './db/seed.ts';
import { insertUser } from './users/users.queries.ts';

/** The fixed "now" of tests: Monday 23 November 2026, 10:00 UTC. */
export const TEST_NOW = new Date('2026-11-23T10:00:00.000Z');
export const testClock = (): Date => new Date(TEST_NOW);

/** A small Worcester directory: three areas, three venues, three groups, four sessions. */
export function makeFixture() {
  return {
    areas: [
      { slug: 'gorse-hill', name: 'Gorse Hill' },
      { slug: 'rainbow-hill', name: 'Rainbow Hill' },
      { slug: 'warndon', name: 'Warndon', description: 'North-east Worcester' },
    ],
    venues: [
      {
        slug: 'gorse-hill-hub',
        name: 'Gorse Hill Community Hub',
        areaSlug: 'gorse-hill',
        isHub: true,
        address: 'Tolladine Road, Worcester',
        postcode: 'WR4 9XX',
        latitude: 52.198,
        longitude: -2.2,
        accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: true },
      },
      {
        slug: 'rainbow-hill-hub',
        name: 'Rainbow Hill Community Hub',
        areaSlug: 'rainbow-hill',
        isHub: true,
        address: 'Astwood Road, Worcester',
      },
      {
        slug: 'warndon-church-hall',
        name: 'Warndon Church Hall',
        areaSlug: 'warndon',
        address: 'Cranham Drive, Worcester',
      },
    ],
    groups: [
      {
        slug: 'walking-for-health',
        name: 'Walking for Health',
        ways: ['be-active', 'connect'],
        areaSlugs: ['gorse-hill'],
        audiences: ['adults', 'older-people'],
        checkedAt: '2026-10-01',
      },
      {
        slug: 'knit-and-natter',
        name: 'Knit and Natter',
        ways: ['connect', 'give'],
        venueSlug: 'warndon-church-hall',
        audiences: ['older-people'],
        cost: { free: false, text: '£1 for tea' },
        checkedAt: null,
      },
      {
        slug: 'young-makers',
        name: 'Young Makers',
        ways: ['keep-learning'],
        areaSlugs: ['rainbow-hill'],
        audiences: ['young-people'],
        checkedAt: '2026-09-15',
      },
    ],
    sessions: [
      {
        title: 'Walk and Talk',
        venue: 'gorse-hill-hub',
        ways: ['be-active', 'connect'],
        startDate: '2027-03-02',
        startTime: '10:00',
        endTime: '11:00',
        repeat: { every: 'week', interval: 1, days: ['tue'] },
        group: 'walking-for-health',
        audiences: ['adults', 'older-people'],
        exceptions: [
          { date: '2027-03-16', kind: 'cancelled', reason: 'Bad weather' },
          { date: '2027-03-23', kind: 'changed', venueSlug: 'rainbow-hill-hub' },
        ],
      },
      {
        title: 'Time to Talk',
        venue: 'rainbow-hill-hub',
        ways: ['connect'],
        kind: 'drop-in',
        startDate: '2027-01-06',
        startTime: '14:00',
        endTime: '16:00',
        repeat: { every: 'week', interval: 1, days: ['wed'] },
      },
      {
        title: 'Healthy Living',
        venue: 'warndon-church-hall',
        ways: ['keep-learning', 'take-notice'],
        kind: 'course',
        booking: 'book',
        bookingInfo: 'Call the hub to book a place',
        startDate: '2027-10-21',
        startTime: '18:30',
        endTime: '20:00',
        repeat: { every: 'week', interval: 1, days: ['thu'] },
        count: 5,
        audiences: ['adults'],
        cost: { free: true, text: '' },
      },
      {
        title: 'Community Health Clinic',
        venue: 'gorse-hill-hub',
        ways: ['give'],
        kind: 'clinic',
        startDate: '2027-10-31',
        startTime: '09:30',
        endTime: '12:00',
        cost: { free: false, text: '£2' },
      },
    ],
  };
}

/** A migrated in-memory database holding `makeFixture()` (or the data given). */
export function openTestDb(data: unknown = makeFixture()): Db {
  const db = openDb(':memory:');
  seedSampleData(db, data, TEST_NOW);
  return db;
}

let shellRoot: string | undefined;

/**
 * A stand-in for the built front end (a shell page and one hashed asset), so what the tests see
 * does not depend on whether `apps/kiosk` has been built yet.
 */
export function testShellRoot(): string {
  if (shellRoot === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'fiveways-shell-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Five Ways</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};');
    shellRoot = root;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return shellRoot;
}

/** The app over a fresh fixture database, with the fixed clock. */
export function createTestApp(options: { db?: Db; staticRoot?: string } = {}) {
  const db = options.db ?? openTestDb();
  const app = createApp({
    db,
    clock: testClock,
    publicUrl: 'http://localhost:8787',
    staticRoot: options.staticRoot ?? testShellRoot(),
  });
  return { db, app };
}

/** GETs a path and returns the status and parsed JSON body. */
export async function getJson(app: App, path: string): Promise<{ status: number; body: unknown }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

// The staff side.

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
  options: {
    publicUrl?: string;
    feedChunkIds?: number | undefined;
    trustedProxies?: readonly string[];
    passwords?: PasswordHasher;
    importSettings?: ImportEnv;
    suggestions?: AppDeps['suggestions'];
  } = {},
) {
  const publicUrl = options.publicUrl ?? 'http://localhost:8787';
  const db = openTestDb();
  const cache = createReadCache();
  let now = TEST_NOW.getTime();
  const clock = () => new Date(now);
  const importer = createImporter({
    db,
    cache,
    clock,
    ...(options.importSettings ? { settings: options.importSettings } : {}),
  });
  const app = createApp({
    db,
    clock,
    publicUrl,
    cache,
    staticRoot: testShellRoot(),
    feedChunkIds: options.feedChunkIds,
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
    ...(options.passwords ? { passwords: options.passwords } : {}),
    importer,
    ...(options.suggestions ? { suggestions: options.suggestions } : {}),
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
    importer,
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
    'login_devices',
    'audit_log',
    'closures',
    'closure_occurrences',
    'school_holidays',
    'group_suggestions',
    'champion_conversations',
    'champion_contacts',
    'calendar_links',
    'import_runs',
  ];
  return JSON.stringify(
    tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  );
}

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
