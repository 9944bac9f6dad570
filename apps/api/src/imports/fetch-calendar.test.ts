import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  calendarUrlOf,
  fetchCalendar,
  isPublicAddress,
  type FetchCalendarOptions,
} from './fetch-calendar.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nEND:VCALENDAR\r\n';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/** A real HTTP server on 127.0.0.1, and its base address. */
async function serve(
  handler: Handler,
): Promise<{ base: string; port: number; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, seen };
}

function options(port: number, more: Partial<FetchCalendarOptions> = {}): FetchCalendarOptions {
  return {
    allowHosts: [`127.0.0.1:${port}`],
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 3,
    ...more,
  };
}

function calendar(res: ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', ...headers });
  res.end(ICS);
}

function errorOf(result: { url: string } | { error: string }): string {
  return 'error' in result ? result.error : '';
}

describe('calendarUrlOf', () => {
  it('turns webcal and webcals into http and https', () => {
    expect(calendarUrlOf('webcal://example.org/cal.ics')).toEqual({
      url: 'http://example.org/cal.ics',
    });
    expect(calendarUrlOf(' WEBCALS://example.org/c?x=1 ')).toEqual({
      url: 'https://example.org/c?x=1',
    });
    expect(calendarUrlOf('https://calendar.google.com/calendar/ical/x/public/basic.ics')).toEqual({
      url: 'https://calendar.google.com/calendar/ical/x/public/basic.ics',
    });
  });

  it('refuses other schemes, passwords and non-addresses in plain English', () => {
    expect(calendarUrlOf('ftp://example.org/cal.ics')).toEqual({
      error: 'Only http, https and webcal addresses can be imported, not ftp',
    });
    expect(calendarUrlOf('file:///etc/passwd')).toEqual({
      error: 'Only http, https and webcal addresses can be imported, not file',
    });
    expect(errorOf(calendarUrlOf('https://user:secret@example.org/cal.ics'))).toContain(
      'Take the user name and password out of the address',
    );
    expect(errorOf(calendarUrlOf('not a url'))).toContain('not a web address');
    expect(calendarUrlOf('')).toEqual({ error: "Give the calendar's web address" });
  });
});

describe('isPublicAddress', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '81.2.69.160', '2a00:1450:4009:81f::200e', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('fetchCalendar', () => {
  it('fetches a calendar with its validators', async () => {
    const { base, port } = await serve((_req, res) =>
      calendar(res, { ETag: '"v1"', 'Last-Modified': 'Tue, 01 Dec 2026 09:00:00 GMT' }),
    );
    expect(await fetchCalendar(`${base}/cal.ics`, options(port))).toEqual({
      kind: 'changed',
      text: ICS,
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT',
      finalUrl: `${base}/cal.ics`,
    });
  });

  it('accepts webcal:// and sends If-None-Match and If-Modified-Since, reading 304 as not modified', async () => {
    const { port, seen } = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else calendar(res);
    });
    const result = await fetchCalendar(
      `webcal://127.0.0.1:${port}/cal.ics`,
      options(port, { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT' }),
    );
    expect(result).toEqual({ kind: 'not-modified' });
    expect(seen[0]?.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 09:00:00 GMT');
  });

  it('decompresses gzip', async () => {
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/calendar', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(ICS));
    });
    expect(await fetchCalendar(base, options(port))).toMatchObject({ kind: 'changed', text: ICS });
  });

  it('stops reading past maxBytes while streaming, without waiting for the rest', async () => {
    let written = 0;
    let closed = false;
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/calendar' });
      res.on('close', () => (closed = true));
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const pump = () => {
        while (!closed && written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const started = Date.now();
    const result = await fetchCalendar(
      base,
      options(port, { maxBytes: 1024 * 1024, timeoutMs: 10_000 }),
    );
    expect(result).toEqual({
      kind: 'failed',
      reason: 'the calendar is larger than 1 MB',
      retryable: false,
    });
    expect(Date.now() - started).toBeLessThan(9000);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a body whose Content-Length is already too large', async () => {
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/calendar',
        'Content-Length': String(5 * 1024 * 1024),
      });
      res.write('BEGIN:VCALENDAR\r\n');
    });
    expect(await fetchCalendar(base, options(port, { maxBytes: 2 * 1024 * 1024 }))).toEqual({
      kind: 'failed',
      reason: 'the calendar is larger than 2 MB',
      retryable: false,
    });
  });

  it('counts the size after decompression (a gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/calendar', 'Content-Encoding': 'gzip' });
      res.end(bomb);
    });
    expect(await fetchCalendar(base, options(port, { maxBytes: 512 * 1024 }))).toEqual({
      kind: 'failed',
      reason: 'the calendar is larger than 512 KB',
      retryable: false,
    });
  });

  it('gives up on a server that never ends the body, within the time allowed', async () => {
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      const timer = setInterval(() => res.write('X-DRIP:1\r\n'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const result = await fetchCalendar(base, options(port, { timeoutMs: 400 }));
    expect(result).toEqual({
      kind: 'failed',
      reason: 'the calendar took longer than 1 second to arrive',
      retryable: true,
    });
    // The deadline covers the body: it stops near 400 ms (more on a busy machine), not never.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on a server that never answers', async () => {
    const { base, port } = await serve(() => {});
    const result = await fetchCalendar(base, options(port, { timeoutMs: 300 }));
    expect(result).toMatchObject({ kind: 'failed', retryable: true });
  });

  it('follows redirects up to the limit, and reports the final address', async () => {
    const { base, port } = await serve((req, res) => {
      const n = Number(req.url?.slice(1) || '0');
      if (n < 3) {
        res.writeHead(302, { Location: `/${n + 1}` });
        res.end();
      } else calendar(res);
    });
    expect(await fetchCalendar(`${base}/0`, options(port, { maxRedirects: 3 }))).toMatchObject({
      kind: 'changed',
      finalUrl: `${base}/3`,
    });
    expect(await fetchCalendar(`${base}/0`, options(port, { maxRedirects: 2 }))).toEqual({
      kind: 'failed',
      reason: "the calendar's address redirects too many times (more than 2)",
      retryable: false,
    });
  });

  it('stops a redirect loop', async () => {
    const { base, port, seen } = await serve((_req, res) => {
      res.writeHead(301, { Location: '/loop' });
      res.end();
    });
    const result = await fetchCalendar(`${base}/loop`, options(port, { maxRedirects: 5 }));
    expect(result.kind === 'failed' && result.reason).toContain('redirects too many times');
    expect(seen.length).toBe(6);
  });

  it.each([
    'http://127.0.0.1:1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:1/',
    'http://10.0.0.1/',
    'http://[::ffff:192.168.0.1]/',
    'http://localhost:1/',
  ])('refuses a redirect to %s that is not allowed, before connecting', async (target) => {
    const { base, port, seen } = await serve((_req, res) => {
      res.writeHead(302, { Location: target });
      res.end();
    });
    expect(await fetchCalendar(base, options(port))).toEqual({
      kind: 'failed',
      reason:
        "the calendar's address redirects to a private or local network, which is not allowed",
      retryable: false,
    });
    expect(seen.length).toBe(1);
  });

  it('refuses a redirect to ftp:// or file://', async () => {
    const { base, port } = await serve((req, res) => {
      res.writeHead(302, {
        Location: req.url === '/ftp' ? 'ftp://example.org/x' : 'file:///etc/passwd',
      });
      res.end();
    });
    for (const path of ['/ftp', '/file']) {
      expect(await fetchCalendar(`${base}${path}`, options(port))).toEqual({
        kind: 'failed',
        reason: "the calendar's address redirects to an address that is not http or https",
        retryable: false,
      });
    }
  });

  it('refuses loopback and private hosts that are not allowed, by name or by address', async () => {
    const { port, seen } = await serve((_req, res) => calendar(res));
    for (const url of [
      `http://localhost:${port}/`,
      `http://127.0.0.1:${port}/`,
      `http://2130706433:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `webcal://localhost:${port}/`,
    ]) {
      expect(await fetchCalendar(url, options(port, { allowHosts: [] }))).toEqual({
        kind: 'failed',
        reason: "the calendar's address points to a private or local network, which is not allowed",
        retryable: false,
      });
    }
    expect(seen.length).toBe(0);
  });

  it('allows a listed host by name, sending its name as the Host', async () => {
    const { port, seen } = await serve((_req, res) => calendar(res));
    const result = await fetchCalendar(`http://localhost:${port}/cal.ics`, {
      ...options(port),
      allowHosts: [`localhost:${port}`],
    });
    expect(result).toMatchObject({ kind: 'changed', text: ICS });
    expect(seen[0]?.headers.host).toBe(`localhost:${port}`);
  });

  it('refuses ftp:// and file:// outright', async () => {
    for (const url of ['ftp://example.org/cal.ics', 'file:///etc/passwd']) {
      expect(await fetchCalendar(url, options(1))).toMatchObject({
        kind: 'failed',
        retryable: false,
      });
    }
  });

  it('refuses a web page, by its type or by its text', async () => {
    const { base, port } = await serve((req, res) => {
      res.writeHead(200, {
        'Content-Type': req.url === '/typed' ? 'text/html; charset=utf-8' : 'text/plain',
      });
      res.end('<!doctype html><html><body>Sign in</body></html>');
    });
    for (const path of ['/typed', '/sniffed']) {
      expect(await fetchCalendar(`${base}${path}`, options(port))).toEqual({
        kind: 'failed',
        reason: 'this address gives a web page, not a calendar',
        retryable: false,
      });
    }
  });

  it('says which failures are worth retrying', async () => {
    const { base, port } = await serve((req, res) => {
      res.writeHead(Number(req.url?.slice(1)));
      res.end();
    });
    const cases: [number, boolean][] = [
      [404, false],
      [410, false],
      [401, false],
      [403, false],
      [400, false],
      [429, true],
      [500, true],
      [503, true],
    ];
    for (const [status, retryable] of cases) {
      const result = await fetchCalendar(`${base}/${status}`, options(port));
      expect(result).toMatchObject({ kind: 'failed', retryable });
      expect(result.kind === 'failed' && result.reason).toContain(`(${status})`);
    }
    expect(await fetchCalendar(`${base}/404`, options(port))).toEqual({
      kind: 'failed',
      reason: "the calendar's address no longer works (404)",
      retryable: false,
    });
  });

  it('reports a server that refuses connections as worth retrying', async () => {
    const { port } = await serve((_req, res) => calendar(res));
    await new Promise<void>((resolve) => {
      const s = servers.pop();
      s?.close(() => resolve());
    });
    expect(await fetchCalendar(`http://127.0.0.1:${port}/`, options(port))).toEqual({
      kind: 'failed',
      reason: "the calendar's server refused the connection",
      retryable: true,
    });
  });

  it('reads the charset the server names', async () => {
    const { base, port } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/calendar; charset=ISO-8859-1' });
      res.end(
        Buffer.from('BEGIN:VCALENDAR\r\nX-WR-CALNAME:Caf\xe9\r\nEND:VCALENDAR\r\n', 'latin1'),
      );
    });
    const result = await fetchCalendar(base, options(port));
    expect(result.kind === 'changed' && result.text).toContain('Café');
  });
});
