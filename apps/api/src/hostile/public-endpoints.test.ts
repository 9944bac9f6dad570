// Property tests: every public endpoint and parameter, fed junk, answers 2xx/3xx/4xx, never 5xx.
import { ApiErrorSchema } from '@fiveways/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support.ts';
import {
  expectWellFormed,
  hostileHeaderValue,
  hostileText,
  hostileUrlPart,
  IMPOSSIBLE_DATES,
  urlEncode,
} from './hostile-input.ts';

/** Every public read endpoint; `:x` is a path parameter, `base` the query that makes it succeed. */
const ENDPOINTS: { path: string; base?: string }[] = [
  { path: '/api/health' },
  { path: '/api/health/ready' },
  { path: '/api/ways' },
  { path: '/api/areas' },
  { path: '/api/venues' },
  { path: '/api/venues/:x' },
  { path: '/api/groups' },
  { path: '/api/groups/:x' },
  { path: '/api/sessions' },
  { path: '/api/sessions/:x' },
  { path: '/api/occurrences', base: 'from=2027-03-01&to=2027-03-07' },
  { path: '/api/meta' },
  { path: '/api/auth/invite/:x' },
  { path: '/feeds/all.ics' },
  { path: '/feeds/ways/:x.ics' },
  { path: '/feeds/venues/:x.ics' },
  { path: '/feeds/areas/:x.ics' },
  { path: '/feeds/groups/:x.ics' },
  { path: '/feeds/sessions/:x.ics' },
  { path: '/api/:x' },
  { path: '/feeds/:x' },
];

const PARAMS = [
  'from',
  'to',
  'way',
  'venue',
  'area',
  'group',
  'audience',
  'free',
  'hub',
  'limit',
  'offset',
];

const queryArb = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom(...PARAMS), hostileUrlPart),
    fc.oneof(
      hostileUrlPart,
      fc.constantFrom('connect', 'gorse-hill', 'true', '2027-03-02', '0', '1', '50', '1e3', '-5'),
    ),
  ),
  { maxLength: 4 },
);

const { app } = createTestApp();

describe('hostile input on public endpoints', () => {
  it('never answers 5xx, and every 4xx is the JSON error envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        hostileUrlPart,
        queryArb,
        fc.boolean(),
        async (endpoint, segment, pairs, withBase) => {
          const path = endpoint.path.replace(':x', segment);
          const query = [
            ...(withBase && endpoint.base ? [endpoint.base] : []),
            ...pairs.map(([k, v]) => `${k}=${v}`),
          ].join('&');
          const url = query === '' ? path : `${path}?${query}`;
          await expectWellFormed(await app.request(url), `GET ${url.slice(0, 200)}`, url);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never answers 5xx to any method on any public path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.constantFrom(...ENDPOINTS),
        hostileUrlPart,
        async (method, endpoint, segment) => {
          const path = endpoint.path.replace(':x', segment);
          const res = await app.request(path, { method });
          if (method === 'HEAD') expect(res.status).toBeLessThan(500);
          else await expectWellFormed(res, `${method} ${path.slice(0, 200)}`, path);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shrugs off junk in the headers it reads (If-None-Match, Cookie, X-Request-Id, Accept)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/feeds/all.ics', '/feeds/ways/connect.ics', '/api/ways', '/'),
        fc.constantFrom('if-none-match', 'cookie', 'x-request-id', 'accept', 'accept-encoding'),
        hostileHeaderValue,
        async (path, header, value) => {
          const res = await app.request(path, { headers: { [header]: value } });
          await expectWellFormed(res, `${path} with ${header}`);
          expect(res.status === 200 || res.status === 304, `${path}: ${res.status}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles very deep and very long query strings', async () => {
    for (const url of [
      `/api/occurrences?from=2027-03-01&to=2027-03-07&way=${'x'.repeat(200_000)}`,
      `/api/groups?${Array.from({ length: 2_000 }, (_, i) => `way=w${i}`).join('&')}`,
      `/api/groups?${'a[b]'.repeat(5_000)}=1`,
      `/api/venues/${'%00'.repeat(10_000)}`,
      `/feeds/ways/${'..%2f'.repeat(1_000)}x.ics`,
    ]) {
      await expectWellFormed(await app.request(url), url.slice(0, 80));
    }
  });
});

/** Real calendar dates, checked independently of the code under test. */
function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

function dayNumber(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8)));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Date-shaped strings, many of them impossible (30 February, month 13, day 0). */
const dateLike = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 2026, max: 2028 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
  { weight: 1, arbitrary: hostileText },
);

describe('dates on /api/occurrences', () => {
  it('answers 200 for a real range of up to 93 days and a 400 naming the field otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(dateLike, dateLike, async (from, to) => {
        const res = await app.request(
          `/api/occurrences?from=${urlEncode(from)}&to=${urlEncode(to)}`,
        );
        await expectWellFormed(res.clone(), `from=${from} to=${to}`);
        let expected: { status: number; field?: string };
        if (!isRealDate(from)) expected = { status: 400, field: 'from' };
        else if (!isRealDate(to)) expected = { status: 400, field: 'to' };
        else if (dayNumber(to) < dayNumber(from)) expected = { status: 400, field: 'to' };
        else if ((dayNumber(to) - dayNumber(from)) / 86_400_000 + 1 > 93)
          expected = { status: 400, field: 'to' };
        else expected = { status: 200 };
        expect(res.status, `from=${from} to=${to}`).toBe(expected.status);
        if (expected.field !== undefined) {
          const body = ApiErrorSchema.parse(await res.json());
          expect(body.error.issues.map((i) => i.path)).toContain(expected.field);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses the impossible dates by name', async () => {
    for (const [from, to, field] of [
      ['2027-02-30', '2027-03-05', 'from'],
      ['2027-03-01', '2027-04-31', 'to'],
      ['2027-03-10', '2027-03-01', 'to'],
      ['2027-01-01', '2027-04-04', 'to'],
    ] as const) {
      const res = await app.request(`/api/occurrences?from=${from}&to=${to}`);
      expect(res.status).toBe(400);
      const body = ApiErrorSchema.parse(await res.json());
      expect(body.error.issues[0]?.path).toBe(field);
    }
  });

  it('treats unknown query parameters one way everywhere: ignored', async () => {
    for (const path of [
      '/api/ways',
      '/api/areas',
      '/api/venues',
      '/api/groups',
      '/api/sessions',
      '/api/occurrences?from=2027-03-01&to=2027-03-07',
      '/feeds/all.ics',
    ]) {
      const plain = await app.request(path);
      const extra = await app.request(
        `${path}${path.includes('?') ? '&' : '?'}utm_source=poster&x=%FF`,
      );
      expect(extra.status, path).toBe(plain.status);
      expect(await extra.text(), path).toBe(await plain.text());
    }
  });
});
