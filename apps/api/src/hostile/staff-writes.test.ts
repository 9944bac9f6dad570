// Property tests for the write side: junk bodies from a logged-in admin never give a 5xx, always
// the envelope, and a refused write changes nothing.
import { ApiErrorSchema } from '@fiveways/shared';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpTables, makeStaffTestApp, VENUE_A } from '../test-support.ts';
import {
  deepJson,
  expectWellFormed,
  hostileBody,
  hostileText,
  hostileUrlPart,
  IMPOSSIBLE_DATES,
  IMPOSSIBLE_TIMES,
} from './hostile-input.ts';

const staffApp = makeStaffTestApp();
let admin = '';
beforeAll(async () => {
  admin = (await staffApp.createPeople()).cookies.admin;
});

/** Every endpoint that takes a body or changes something; `:x` is a path parameter. */
const WRITES: { method: string; path: string }[] = [
  { method: 'POST', path: '/api/sessions' },
  { method: 'PATCH', path: '/api/sessions/:x' },
  { method: 'DELETE', path: '/api/sessions/:x' },
  { method: 'POST', path: '/api/sessions/:x/cancellations' },
  { method: 'POST', path: '/api/sessions/:x/changes' },
  { method: 'POST', path: '/api/groups' },
  { method: 'PATCH', path: '/api/groups/:x' },
  { method: 'POST', path: '/api/groups/:x/checked' },
  { method: 'DELETE', path: '/api/groups/:x' },
  { method: 'POST', path: '/api/venues' },
  { method: 'PATCH', path: '/api/venues/:x' },
  { method: 'POST', path: '/api/areas' },
  { method: 'PATCH', path: '/api/areas/:x' },
  { method: 'POST', path: '/api/users' },
  { method: 'PATCH', path: '/api/users/:x' },
  { method: 'POST', path: '/api/users/:x/reset' },
  { method: 'POST', path: '/api/auth/password' },
  { method: 'POST', path: '/api/auth/invite/:x' },
  { method: 'GET', path: '/api/audit' },
  { method: 'GET', path: '/api/users' },
  { method: 'GET', path: '/api/staff/groups/unchecked' },
];

/** Path parameters that exist (so the body is reached) or are junk. */
const pathParam = fc.oneof(
  fc.constantFrom('1', '2', '3', 'walking-for-health', VENUE_A, 'gorse-hill', '999999'),
  hostileUrlPart,
);

const VALID_SESSION = {
  title: 'Chair Yoga',
  venue: VENUE_A,
  ways: ['be-active'],
  startDate: '2027-03-02',
  startTime: '10:00',
  endTime: '11:00',
  repeat: { every: 'week', interval: 1, days: ['tue'] },
};

/** A valid session with one field replaced by junk (or an unknown field added). */
const mutatedSession = fc
  .tuple(
    fc.constantFrom(...Object.keys(VALID_SESSION), 'until', 'count', 'cost', 'unknownField'),
    fc.oneof(
      fc.jsonValue(),
      hostileText,
      fc.constantFrom(...IMPOSSIBLE_DATES, ...IMPOSSIBLE_TIMES),
    ),
  )
  .map(([key, value]) => JSON.stringify({ ...VALID_SESSION, [key]: value }));

describe('hostile bodies on the staff API', () => {
  it('never answers 5xx, always the envelope on 4xx, and a refused write changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITES),
        pathParam,
        fc.oneof(hostileBody, mutatedSession),
        async (endpoint, param, body) => {
          const path = endpoint.path.replace(':x', param);
          const before = dumpTables(staffApp.db);
          const res = await staffApp.request(endpoint.method, path, {
            cookie: admin,
            ...(endpoint.method === 'GET' || endpoint.method === 'DELETE' ? {} : { rawBody: body }),
          });
          // Whole-body problems (an array, a key "") come back with an empty issue path here;
          // the envelope and its message are still checked.
          await expectWellFormed(res, `${endpoint.method} ${path.slice(0, 120)}`, path, {
            namedIssues: false,
          });
          if (res.status >= 400) expect(dumpTables(staffApp.db)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses impossible dates and times in a new session, naming the field', async () => {
    const cases = [
      ...IMPOSSIBLE_DATES.map((v) => ['startDate', v] as const),
      ...IMPOSSIBLE_TIMES.map((v) => ['startTime', v] as const),
      ['endTime', '24:00'] as const,
      ['until', '2027-02-30'] as const,
    ];
    for (const [field, value] of cases) {
      const res = await staffApp.request('POST', '/api/sessions', {
        cookie: admin,
        body: { ...VALID_SESSION, [field]: value },
      });
      expect(res.status, `${field}=${JSON.stringify(value)}`).toBe(400);
      const body = ApiErrorSchema.parse(await res.json());
      expect(body.error.issues.map((i) => i.path)).toContain(field);
    }
  });

  it('refuses an end before the start, an until before the first date or decades after it', async () => {
    for (const [patch, field] of [
      [{ startTime: '11:00', endTime: '10:00' }, 'endTime'],
      [{ until: '2027-03-01' }, 'until'],
      [{ startDate: '1900-01-01', until: '2200-12-31', skipBankHolidays: true }, 'until'],
    ] as const) {
      const res = await staffApp.request('POST', '/api/sessions', {
        cookie: admin,
        body: { ...VALID_SESSION, ...patch },
      });
      expect(res.status).toBe(400);
      const body = ApiErrorSchema.parse(await res.json());
      expect(body.error.issues.map((i) => i.path)).toContain(field);
    }
  });

  it('answers JSON nested 30,000 deep with a 400, not a crash', async () => {
    const res = await staffApp.request('POST', '/api/sessions', {
      cookie: admin,
      rawBody: `{"title":${deepJson(30_000)}}`,
    });
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.safeParse(await res.json()).success).toBe(true);
  });

  it('answers a body over the limit with 413 and writes nothing', async () => {
    const before = dumpTables(staffApp.db);
    const res = await staffApp.request('POST', '/api/sessions', {
      cookie: admin,
      body: { ...VALID_SESSION, description: 'x'.repeat(100_000) },
    });
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('payload_too_large');
    expect(dumpTables(staffApp.db)).toBe(before);
  });

  it('refuses unknown fields in a session by name', async () => {
    const res = await staffApp.request('POST', '/api/sessions', {
      cookie: admin,
      body: { ...VALID_SESSION, isAdmin: true },
    });
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.issues.map((i) => i.path)).toContain('isAdmin');
  });

  it('answers junk logins with 400 or 401 in the envelope, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, fc.integer({ min: 1, max: 250 }), async (body, host) => {
        const res = await staffApp.request('POST', '/api/auth/login', {
          rawBody: body,
          address: `198.51.100.${host}`,
        });
        await expectWellFormed(res, `login ${body.slice(0, 80)}`, '/api/auth/login', {
          namedIssues: false,
        });
        expect([400, 401, 413, 429]).toContain(res.status);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a body that is not a set of named details', () => {
  it('is refused naming the body, in plain English, for every kind of write', async () => {
    const t = makeStaffTestApp();
    const { cookies } = await t.createPeople();
    const before = dumpTables(t.db);
    for (const body of [[1, 2], 'text', 42, null, { '': 1 }]) {
      for (const path of [
        '/api/sessions',
        '/api/groups',
        '/api/venues',
        '/api/areas',
        '/api/users',
      ]) {
        const res = await t.request('POST', path, { cookie: cookies.admin, body });
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        const { error } = ApiErrorSchema.parse(await res.json());
        expect(error.issues.length).toBeGreaterThan(0);
        for (const issue of error.issues) {
          expect(issue.path, `${path} ${JSON.stringify(body)}`).not.toBe('');
          expect(issue.message).not.toMatch(/Invalid input|expected \w+, received/);
        }
      }
    }
    expect(dumpTables(t.db)).toEqual(before);
  });
});
