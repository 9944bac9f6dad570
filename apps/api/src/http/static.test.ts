import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support.ts';
import { resolveStaticFile } from './static.ts';

let parent: string;
let dist: string;

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'fiveways-static-'));
  dist = join(parent, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Five Ways</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Five Ways"}');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  // A file next to dist that must never be reachable.
  writeFileSync(join(parent, 'secret.txt'), 'do not serve');
  writeFileSync(join(parent, 'dist-secret.txt'), 'do not serve either');
});

afterAll(() => {
  rmSync(parent, { recursive: true, force: true });
});

function app() {
  return createTestApp({ staticRoot: dist }).app;
}

describe('the built front end', () => {
  it('serves hashed assets as immutable for a year, with their type', async () => {
    const res = await app().request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1);');
    const css = await app().request('/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves index.html and sw.js with no-cache, so updates show at once', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect(await (await app().request('/')).text()).toContain('<title>Five Ways</title>');
  });

  it.each([
    '/kiosk',
    '/kiosk/',
    '/subscribe',
    '/staff',
    '/staff/sessions/new',
    '/staff/admin/users',
  ])('answers the page path %s with the app shell', async (path) => {
    const res = await app().request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Five Ways</title>');
  });

  it('sends text files br or gzip compressed, with Vary, an ETag per form and 304s', async () => {
    const script = `export const words = ${JSON.stringify('Five ways to wellbeing. '.repeat(200))};`;
    writeFileSync(join(dist, 'assets', 'big-def456.js'), script);
    for (const [accept, coding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['', null],
    ] as const) {
      const res = await app().request('/assets/big-def456.js', {
        headers: { 'accept-encoding': accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const bytes = Buffer.from(await res.arrayBuffer());
      const decoded =
        coding === 'br'
          ? brotliDecompressSync(bytes)
          : coding === 'gzip'
            ? gunzipSync(bytes)
            : bytes;
      expect(decoded.toString('utf8')).toBe(script);
      if (coding !== null) expect(bytes.length).toBeLessThan(script.length / 5);
      const etag = res.headers.get('etag') ?? '';
      const again = await app().request('/assets/big-def456.js', {
        headers: { 'accept-encoding': accept, 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
    }
    // A rebuilt file is served as it is now, not as it was first read.
    writeFileSync(join(dist, 'assets', 'big-def456.js'), 'export const words = "changed";');
    expect(await (await app().request('/assets/big-def456.js')).text()).toBe(
      'export const words = "changed";',
    );
  });

  it.each(['/nonsense', '/sessions/99999', '/sessions/abc', '/staff/nonsense', '/kiosk/extra'])(
    'answers %s, which is no page, with a 404 and the same shell, so the app draws its not-found page',
    async (path) => {
      const res = await app().request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe('<!doctype html><title>Five Ways</title>');
      const again = await app().request(path, {
        headers: { 'if-none-match': res.headers.get('etag') ?? '' },
      });
      expect(again.status).toBe(404);
    },
  );

  it('answers a session page with its title and its Event JSON-LD in the shell', async () => {
    const res = await app().request('/sessions/1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(
      /^<script type="application\/ld\+json">\{"@context":"https:\/\/schema\.org"/,
    );
    expect(html).toContain('<title>Walk and Talk · Five Ways Worcester</title>');
    const again = await app().request('/sessions/1', {
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('answers a missing asset with 404, not the app shell', async () => {
    expect((await app().request('/assets/gone-999.js')).status).toBe(404);
    expect((await app().request('/favicon-missing.png')).status).toBe(404);
  });

  it('keeps /api and /feeds misses as JSON 404s', async () => {
    const res = await app().request('/api/kiosk');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('answers with a 503 page saying to build when the front end is missing', async () => {
    const res = await createTestApp({ staticRoot: join(parent, 'not-built') }).app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
    expect(
      (await createTestApp({ staticRoot: join(parent, 'not-built') }).app.request('/api/health'))
        .status,
    ).toBe(200);
  });
});

describe('path traversal', () => {
  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
    '/../dist-secret.txt',
  ])('never leaves the dist folder for %s', (path) => {
    expect(resolveStaticFile(dist, path)).toBeNull();
  });

  it('finds real files inside the folder', () => {
    expect(resolveStaticFile(dist, '/assets/index-abc123.js')).toBe(
      join(dist, 'assets', 'index-abc123.js'),
    );
    expect(resolveStaticFile(dist, '/assets')).toBeNull();
  });

  describe('over a real socket, where the raw path reaches the server unnormalised', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      const listener = getRequestListener(app().fetch);
      server = createServer((req, res) => void listener(req, res));
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : 0;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    function rawGet(path: string): Promise<{ status: number; body: string }> {
      return new Promise((done, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', fail);
        req.end();
      });
    }

    it.each([
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/index.html%00',
    ])('does not serve anything outside dist for %s', async (path) => {
      const { body } = await rawGet(path);
      expect(body).not.toContain('do not serve');
      expect(body).not.toContain('root:');
    });
  });
});
