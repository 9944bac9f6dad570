// Clients that send slowly or break off, over a real socket: headers and bodies have deadlines,
// and a body that stops half way is the client's fault (a 400), not a server error.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../ops/logger.ts';
import { openTestDb, testClock, testShellRoot } from '../test-support.ts';
import { DEFAULT_DEADLINES, serverOptions, startServer as serveApp } from './server-limits.ts';

const servers: ReturnType<typeof serveApp>[] = [];
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

/** The app on a real socket with the given deadlines; its log lines are kept. */
async function startServer(deadlines = DEFAULT_DEADLINES) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const app = createApp({
    db: openTestDb(),
    clock: testClock,
    publicUrl: 'http://localhost:8787',
    staticRoot: testShellRoot(),
    log,
  });
  // The server the service runs, on a free port.
  const port = await new Promise<number>((done) => {
    servers.push(serveApp(app.fetch, 0, (info: AddressInfo) => done(info.port), deadlines));
  });
  return { port, lines };
}

/** A raw connection: what the server sends back, and when it hung up. */
function openRaw(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<{ received: string; afterMs: number }>((done) =>
    socket.on('close', () => done({ received, afterMs: Date.now() - started })),
  );
  return { socket, closed };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((done) => setTimeout(done, 10));
};

const FAST = { requestTimeoutMs: 400, headersTimeoutMs: 300, checkEveryMs: 50 };

describe('request deadlines', () => {
  it('are short by default: a body within 10 s, headers sooner, checked every second', () => {
    expect(serverOptions()).toEqual({
      requestTimeout: 10_000,
      headersTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    });
  });

  it('hang up on a client that never finishes its headers (slowloris)', async () => {
    const { port } = await startServer(FAST);
    const { socket, closed } = openRaw(port);
    socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    const timer = setInterval(() => socket.write('a'), 50);
    const { received, afterMs } = await closed;
    clearInterval(timer);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(2000);
  });

  it('hang up on a body that trickles in past the deadline', async () => {
    const { port } = await startServer(FAST);
    const { socket, closed } = openRaw(port);
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:8787\r\n' +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
    );
    const timer = setInterval(() => socket.write(' '), 50);
    const { afterMs } = await closed;
    clearInterval(timer);
    expect(afterMs).toBeLessThan(2000);
  });
});

describe('a body broken off half way', () => {
  it('is logged as a 400, with no error and no stack trace', async () => {
    const { port, lines } = await startServer();
    for (const lengthHeader of ['Transfer-Encoding: chunked', 'Content-Length: 1000']) {
      lines.length = 0;
      const { socket, closed } = openRaw(port);
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:8787\r\n` +
          `Content-Type: application/json\r\n${lengthHeader}\r\n\r\n`,
      );
      socket.write(lengthHeader.startsWith('Transfer') ? 'a\r\n{"email":\r\n' : '{"email":');
      await new Promise((done) => setTimeout(done, 50));
      socket.destroy();
      await closed;
      await until(() => lines.some((l) => l['msg'] === 'request'));
      expect(
        lines.filter((l) => l['level'] === 'error'),
        lengthHeader,
      ).toEqual([]);
      expect(
        lines.find((l) => l['msg'] === 'request'),
        lengthHeader,
      ).toMatchObject({
        method: 'POST',
        path: '/api/auth/login',
        status: 400,
      });
    }
  });
});
