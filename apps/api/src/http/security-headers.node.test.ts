// Over a real socket the security headers and the request id go on Node's response before the
// handler runs: the answers must carry exactly what `app.request` shows, errors included.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../ops/logger.ts';
import { openTestDb, testClock, testShellRoot } from '../test-support.ts';
import { startServer } from './server-limits.ts';

const servers: ReturnType<typeof startServer>[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((done) => {
          if ('closeAllConnections' in s) s.closeAllConnections();
          s.close(() => done());
        }),
    ),
  );
});

/** Headers that differ per answer, left out of the comparison. */
const VARYING = new Set(['date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding']);

const headersOf = (res: Response) =>
  Object.fromEntries([...res.headers.entries()].filter(([name]) => !VARYING.has(name)));

describe('security headers under Node', () => {
  it.each([true, false])('match app.request, errors included (https %s)', async (https) => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    const publicUrl = https ? 'https://fiveways.example.org' : 'http://localhost:8787';
    const app = createApp({
      db: openTestDb(),
      clock: testClock,
      publicUrl,
      staticRoot: testShellRoot(),
      log,
    });
    const port = await new Promise<number>((done) => {
      servers.push(startServer(app.fetch, 0, (info: AddressInfo) => done(info.port)));
    });
    const cases: [string, RequestInit][] = [
      ['/api/health', {}],
      ['/api/areas', {}],
      ['/api/nothing-here', {}],
      ['/api/occurrences?from=nope', {}],
      ['/feeds/ways/connect.ics', { headers: { 'accept-encoding': 'gzip' } }],
      ['/', {}],
      ['/api/sessions/1', { method: 'PATCH', headers: { origin: 'https://elsewhere.example' } }],
      [
        '/api/auth/login',
        { method: 'POST', headers: { origin: publicUrl, 'content-type': 'application/json' } },
      ],
    ];
    for (const [path, init] of cases) {
      const overSocket = await fetch(`http://127.0.0.1:${port}${path}`, init);
      const inProcess = await app.request(path, init);
      await Promise.all([overSocket.arrayBuffer(), inProcess.arrayBuffer()]);
      expect(overSocket.status, path).toBe(inProcess.status);
      const socketHeaders = headersOf(overSocket);
      // fetch takes the coding off the body but keeps the headers; both sides asked alike.
      expect(socketHeaders, path).toEqual({
        ...headersOf(inProcess),
        ...('content-length' in socketHeaders
          ? { 'content-length': socketHeaders['content-length'] }
          : {}),
      });
      expect(overSocket.headers.get('content-security-policy'), path).toContain(
        "frame-ancestors 'none'",
      );
      const id = overSocket.headers.get('x-request-id') ?? '';
      expect(id, path).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      expect(lines.at(-1), path).toMatchObject({ msg: 'request', status: inProcess.status });
      expect(
        lines.some((l) => l.requestId === id),
        path,
      ).toBe(true);
    }
    // One log line per answer, over the socket and in process alike.
    expect(lines.filter((l) => l.msg === 'request')).toHaveLength(2 * cases.length);
  });
});
