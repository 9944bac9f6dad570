import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeStaffTestApp, openTestDb, VENUE_A } from '../test-support.ts';
import { API_ROUTES, type RouteDoc } from './api-routes.ts';
import { buildOpenApiDocument, toJsonSchema, type OpenApiDocument } from './build-openapi.ts';

const SAMPLE_DATA: unknown = JSON.parse(
  readFileSync(new URL('../db/sample-data.json', import.meta.url), 'utf8'),
);

/**
 * Mounted routes the document leaves out, each for a reason: the front end's pages, and the two
 * spellings of /openreferral/ that Hono mounts for a sub-router's root (the document names it once).
 */
const NOT_DOCUMENTED: Record<string, string> = {
  'GET /*': 'the front end: its pages and built files, not an API',
  'GET /openreferral': 'the same answer as /openreferral/',
  'GET /openreferral//': 'the same answer as /openreferral/',
};

/** Hono's `:name` and `:name{regex}` as OpenAPI's `{name}`. */
function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\}+)?/g, '{$1}');
}

function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export is the plugin itself.
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  return ajv;
}

/** The request path with the example's path parameters and query filled in. */
function exampleUrl(route: RouteDoc): string {
  const params = route.example?.params ?? {};
  const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const query = new URLSearchParams(route.example?.query ?? {}).toString();
  return query === '' ? path : `${path}?${query}`;
}

describe('the OpenAPI document', () => {
  const doc: OpenApiDocument = buildOpenApiDocument('http://localhost:8787');

  it('describes every route the app mounts, and only those', () => {
    const { app } = createTestApp();
    const mounted = new Set<string>();
    for (const r of app.routes) {
      if (r.method === 'ALL') continue; // middleware, not routes
      const key = `${r.method} ${r.path}`;
      if (key in NOT_DOCUMENTED) continue;
      mounted.add(`${r.method} ${toOpenApiPath(r.path)}`);
    }
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect([...mounted].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !mounted.has(k))).toEqual([]);
    expect(mounted.size).toBeGreaterThan(60);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names its path parameters exactly as its paths do', () => {
    for (const route of API_ROUTES) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = Object.keys(route.params?.shape ?? {});
      expect(declared, route.path).toEqual(inPath);
    }
  });

  it('every example validates against its JSON Schema and its zod schema', () => {
    const ajv = makeAjv();
    let checked = 0;
    for (const route of API_ROUTES) {
      const where = `${route.method} ${route.path}`;
      const example = route.example;
      if (route.body !== undefined) {
        expect(example?.body, `${where} has a body example`).toBeDefined();
        const validate = ajv.compile(doc.components.schemas[route.body.name] ?? {});
        expect(validate(example?.body) ? [] : validate.errors, where).toEqual([]);
        const parsed = route.body.schema.safeParse(example?.body);
        expect(parsed.success ? [] : parsed.error.issues, where).toEqual([]);
        checked += 1;
      }
      for (const [part, values] of [
        ['params', example?.params],
        ['query', example?.query],
      ] as const) {
        const schema = part === 'params' ? route.params : route.query;
        if (values === undefined || schema === undefined) continue;
        const validate = ajv.compile(toJsonSchema(schema));
        expect(validate(values) ? [] : validate.errors, `${where} ${part}`).toEqual([]);
        const parsed = schema.safeParse(values);
        expect(parsed.success ? [] : parsed.error.issues, `${where} ${part}`).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('writes every parameter example into the document', () => {
    const operation = doc.paths['/api/occurrences']?.get as { parameters: { example?: string }[] };
    expect(operation.parameters.filter((p) => p.example !== undefined)).toHaveLength(3);
  });
});

describe('the live API against its document, on the sample data', () => {
  const doc = buildOpenApiDocument('http://localhost:8787');
  let app: ReturnType<typeof createTestApp>['app'];
  beforeAll(() => {
    app = createTestApp({ db: openTestDb(SAMPLE_DATA) }).app;
  });

  const publicReads = API_ROUTES.filter(
    (r) => r.method === 'get' && r.access === 'public' && r.example !== undefined,
  );

  it.each(publicReads.map((r) => [exampleUrl(r), r] as const))(
    'GET %s answers as documented',
    async (url, route) => {
      const res = await app.request(url);
      expect(res.status, await res.clone().text()).toBe(route.answer.status);
      const type = res.headers.get('content-type') ?? '';
      if (route.answer.json !== undefined) {
        expect(type).toMatch(/^application\/json/);
        const validate = makeAjv().compile(doc.components.schemas[route.answer.json.name] ?? {});
        const body: unknown = await res.json();
        expect(validate(body) ? [] : validate.errors).toEqual([]);
      } else if (route.answer.media !== undefined) {
        expect(
          route.answer.media.some((m) => type.startsWith(m)),
          type,
        ).toBe(true);
      }
    },
  );

  it.each(
    API_ROUTES.filter((r) => r.access !== 'public' || r.params !== undefined).map(
      (r) => [r.method.toUpperCase(), r.path, r] as const,
    ),
  )(
    '%s %s refuses a stranger or a name that is not there with the documented error envelope',
    async (method, path, route) => {
      // A staff route without a login; a public one with names that match nothing.
      const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'file'
          ? 'nothing-here.ics'
          : name === 'id'
            ? '999999'
            : name === 'date'
              ? '2026-12-02'
              : 'nothing-here',
      );
      const headers: Record<string, string> = { origin: 'http://localhost:8787' };
      const init: RequestInit = { method, headers };
      if (route.body !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(route.example?.body ?? {});
      }
      const res = await app.request(url, init);
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      const validate = makeAjv().compile(doc.components.schemas.ApiError ?? {});
      expect(validate(await res.json()) ? [] : validate.errors).toEqual([]);
    },
  );

  it('answers a bad example-like request with the documented error envelope', async () => {
    const res = await app.request('/api/occurrences?from=2026-13-01&to=2026-11-29');
    expect(res.status).toBe(400);
    const validate = makeAjv().compile(doc.components.schemas.ApiError ?? {});
    expect(validate(await res.json())).toBe(true);
  });
});

describe('the staff reads against their document, logged in as an admin', () => {
  const doc = buildOpenApiDocument('http://localhost:8787');
  const staffReads = API_ROUTES.filter(
    (r) => r.method === 'get' && r.access !== 'public' && r.params === undefined,
  );

  it.each(staffReads.map((r) => [r.path, r] as const))(
    'GET %s answers as documented',
    async (path, route) => {
      const t = makeStaffTestApp();
      const { cookies } = await t.createPeople();
      // Something to list: a closure at a venue (and so an audit entry and a recent change).
      const closure = await t.request('POST', '/api/closures', {
        cookie: cookies.admin,
        body: { venue: VENUE_A, from: '2026-11-30', to: '2026-12-01', reason: 'Boiler repairs' },
      });
      expect(closure.status).toBe(201);
      const query =
        path === '/api/closures/preview' ? `?venue=${VENUE_A}&from=2026-12-07&to=2026-12-08` : '';
      const res = await t.request('GET', `${path}${query}`, { cookie: cookies.admin });
      expect(res.status, await res.clone().text()).toBe(route.answer.status);
      const name = route.answer.json?.name ?? '';
      const validate = makeAjv().compile(doc.components.schemas[name] ?? {});
      expect(validate(await res.json()) ? [] : validate.errors).toEqual([]);
    },
  );

  it('covers the staff home page, accounts and the audit log', () => {
    expect(staffReads.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/staff/groups/unchecked', '/api/users', '/api/audit']),
    );
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  const { app } = createTestApp();

  it('serves the document to every origin, with this service as its server', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(buildOpenApiDocument('http://localhost:8787'));
    const again = await app.request('/api/openapi.json', {
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('serves the reference page and its files from our own origin, under the strict policy', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // No inline scripts, nothing from another origin.
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const src of html.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)) {
      const res = await app.request(src[1] ?? '');
      expect(res.status, src[1]).toBe(200);
    }
    const start = await (await app.request('/api/docs/start.js')).text();
    expect(start).toContain("'/api/openapi.json'");
    expect((await app.request('/api/docs/index.html')).status).toBe(404);
  });
});
