// Hostile values for property tests: junk that real clients, scanners and attackers send.
import { ApiErrorSchema } from '@fiveways/shared';
import fc from 'fast-check';
import { expect } from 'vitest';

export const SQL_LIKE = [
  "' OR 1=1 --",
  "'; DROP TABLE sessions; --",
  '" OR ""="',
  '1; SELECT * FROM users',
  "%' UNION SELECT password_hash FROM users --",
  "x' AND sqlite_version() --",
  '\\',
  "'",
  'NULL',
];

export const PATH_TRAVERSAL = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '%2e%2e%2f%2e%2e%2fsecret.txt',
  '....//....//etc/passwd',
  '..\\..\\secret.txt',
  '%5c..%5c..%5csecret.txt',
  '%252e%252e%252fsecret.txt',
  '..%00/secret.txt',
  '.%2e/.%2e/secret.txt',
  '/etc/passwd',
  '//etc/passwd',
];

/** Every way a line can end, and the tabs and controls that travel with pasted text. */
export const LINE_BREAKS_AND_CONTROLS = [
  'line\nbreak',
  'line\r\nbreak',
  'line\rbreak',
  'line\u0085break',
  'line\u2028break',
  'line\u2029break',
  'line\u000bbreak',
  'line\u000cbreak',
  'tab\there',
  'escape\u001b[31m',
  'c1\u009bcontrol',
  '\r\n',
];

/** Percent-escapes that decode to invalid UTF-8, or do not decode at all. */
export const BAD_PERCENT = [
  '%FF',
  '%C3%28',
  '%E2%82',
  '%ED%A0%80',
  '%C0%AF',
  '%F4%90%80%80',
  '%',
  '%zz',
  '%00',
  '%u0000',
];

export const IMPOSSIBLE_DATES = [
  '2027-02-30',
  '2027-02-29',
  '2026-02-29',
  '2027-04-31',
  '2027-13-01',
  '2027-00-10',
  '2027-01-00',
  '2027-01-32',
  '0000-00-00',
  '2027-2-3',
  '27-03-02',
  '2027/03/02',
  '2027-03-02T10:00',
  ' 2027-03-02',
  '2027-03-02 ',
  '２０２７-03-02',
  '+2027-03-02',
  '2027-03-02\u0000',
];

export const IMPOSSIBLE_TIMES = [
  '24:00',
  '23:60',
  '-01:00',
  '7:00',
  '07:0',
  '12:00:00',
  '99:99',
  '10:00\u0000',
  '１０:00',
];

const constants = [
  ...SQL_LIKE,
  ...LINE_BREAKS_AND_CONTROLS,
  ...PATH_TRAVERSAL,
  ...IMPOSSIBLE_DATES,
  ...IMPOSSIBLE_TIMES,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '<script>alert(1)</script>',
  '${process.env}',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9007199254740993',
  '99999999999999999999999',
  'true',
  'null',
];

/** Hostile text: random (including lone surrogates), known junk, NUL bytes and very long strings. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 4, arbitrary: fc.constantFrom(...constants) },
  { weight: 1, arbitrary: fc.string().map((s) => `${s}\u0000${s}`) },
  { weight: 1, arbitrary: fc.string({ minLength: 2_000, maxLength: 20_000 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(100_000)) },
);

/**
 * The text as it may appear in a URL: percent-encoded when it can be; lone surrogates (which have
 * no UTF-8 form) become the invalid UTF-8 a client would send for them.
 */
export function urlEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        return code >= 0xd800 && code <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
      })
      .join('');
  }
}

/** A piece of URL: encoded hostile text, raw junk percent-escapes, or traversal sequences as sent. */
export const hostileUrlPart: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText.map(urlEncode) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_PERCENT, ...PATH_TRAVERSAL) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...BAD_PERCENT), fc.string({ maxLength: 5 }).map(urlEncode))
      .map(([a, b]) => `${b}${a}${b}`),
  },
);

/** JSON nested `depth` levels deep, as text (parsers that recurse overflow on it). */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Any JSON value, or a body that is not JSON at all. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.object().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom(deepJson(20_000), `{"a":${deepJson(20_000)}}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{', '{"title":', 'null', '[]', '""', '{"__proto__":{"x":1}}'),
  },
);

/** Header values a client can really send (no CR, LF or NUL); anything else. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'binary-ascii' }),
    fc.constantFrom(...SQL_LIKE, '*', 'W/"x"', '"', '"a", "b", W/"c"', 'x'.repeat(8_000)),
  )
  .map((s) =>
    s
      .replace(/[\r\n]/g, '')
      .replaceAll('\u0000', '')
      .trim(),
  );

const HEAD_OR_EMPTY = new Set([204, 304]);

/** True when the URL, once a client has normalised it (`/a/.%2e/b` is `/b`), is under /api or /feeds. */
export function reachesApi(url: string): boolean {
  return /^\/(api|feeds)(\/|$)/.test(new URL(url, 'http://localhost').pathname);
}

/**
 * The response is what the contract promises for any input: never a 5xx, and a 4xx from the API
 * or the feeds carries the JSON error envelope with a plain message (and named fields for 400s).
 * Pass the URL asked for; a 4xx for a front-end path (a missing file) need not be JSON.
 * `namedIssues: false` skips the check that every 400 issue names a field.
 */
export async function expectWellFormed(
  res: Response,
  what: string,
  url?: string,
  { namedIssues = true }: { namedIssues?: boolean } = {},
): Promise<void> {
  expect(res.status, `${what} → ${res.status}`).toBeLessThan(500);
  if (res.status < 400 || HEAD_OR_EMPTY.has(res.status)) return;
  if (url !== undefined && !reachesApi(url)) return;
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  const text = await res.text();
  const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
  expect(parsed.success, `${what}: ${text.slice(0, 300)}`).toBe(true);
  if (!parsed.success) return;
  expect(parsed.data.error.message.length, what).toBeGreaterThan(0);
  if (namedIssues && parsed.data.error.code === 'invalid_request') {
    expect(parsed.data.error.issues.length, what).toBeGreaterThan(0);
    for (const issue of parsed.data.error.issues) {
      expect(issue.path.length, what).toBeGreaterThan(0);
      expect(issue.message.length, what).toBeGreaterThan(0);
    }
  }
}
