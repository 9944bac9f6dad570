import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { createRequestIds, loggablePath, requestLogger } from './request-logger.ts';

interface RequestLine {
  level: string;
  time: string;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** This process's ids: a random 8-hex-digit prefix, then a base-36 counter. */
const OWN_ID = /^[0-9a-f]{8}-[0-9a-z]+$/;

function appWithLog() {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  let tick = 0;
  const app = new Hono()
    .use(requestLogger({ log, now: () => (tick += 2.5) }))
    .get('/hello', (c) => c.text('hi'))
    .post('/api/auth/login', (c) => c.body(null, 204))
    .get('/boom', (c) => c.text('bad', 500));
  const parsed = () => lines.map((l) => JSON.parse(l) as RequestLine);
  return { app, lines, parsed };
}

describe('requestLogger', () => {
  it('logs one line per request with id, method, path, status and duration', async () => {
    const { app, parsed } = appWithLog();
    const res = await app.request('/hello');
    expect(res.status).toBe(200);
    const [line] = parsed();
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/hello',
      status: 200,
      ms: 2.5,
    });
    expect(Object.keys(line ?? {})).toEqual([
      'level',
      'time',
      'msg',
      'requestId',
      'method',
      'path',
      'status',
      'ms',
    ]);
    expect(res.headers.get('x-request-id')).toBe(line?.requestId);
    expect(line?.requestId).toMatch(OWN_ID);
  });

  it('gives each request its own id', async () => {
    const { app, parsed } = appWithLog();
    const answers: Response[] = [];
    for (let i = 0; i < 3; i += 1) answers.push(await app.request('/hello'));
    const ids = parsed().map((l) => l.requestId);
    expect(new Set(ids).size).toBe(3);
    expect(answers.map((r) => r.headers.get('x-request-id')).sort()).toEqual([...ids].sort());
  });

  it('never logs query strings, bodies, cookies or credentials', async () => {
    const { app, lines } = appWithLog();
    await app.request('/hello?email=someone%40example.org&q=secret-search');
    await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'fiveways_session=abc123cookie' },
      body: JSON.stringify({ email: 'someone@example.org', password: 'hunter2-password' }),
    });
    const all = lines.join('\n');
    for (const secret of [
      'someone',
      'example.org',
      'secret-search',
      'hunter2',
      'abc123cookie',
      'email',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(lines).toHaveLength(2);
  });

  it('keeps a plain request id from a proxy and replaces an unsafe one', async () => {
    const { app, parsed } = appWithLog();
    await app.request('/hello', { headers: { 'x-request-id': 'proxy-123.abc' } });
    await app.request('/hello', {
      headers: { 'x-request-id': 'evil"id with spaces and "quotes"' },
    });
    const [kept, replaced] = parsed();
    expect(kept?.requestId).toBe('proxy-123.abc');
    expect(replaced?.requestId).toMatch(OWN_ID);
  });

  it('logs server errors at error level', async () => {
    const { app, parsed } = appWithLog();
    await app.request('/boom');
    expect(parsed()[0]).toMatchObject({ level: 'error', status: 500 });
  });
});

describe('createRequestIds', () => {
  it('counts up after a prefix that differs between runs', () => {
    const [first, second] = [createRequestIds(), createRequestIds()];
    const ids = [first(), first(), first()];
    expect(ids.map((id) => id.split('-')[1])).toEqual(['1', '2', '3']);
    expect(new Set(ids.map((id) => id.split('-')[0])).size).toBe(1);
    expect(second().split('-')[0]).not.toBe(ids[0]?.split('-')[0]);
  });
});

describe('loggablePath', () => {
  it('replaces one-time-link tokens in the path', () => {
    expect(loggablePath('/api/auth/invite/s3cr3t-token')).toBe('/api/auth/invite/:redacted');
    expect(loggablePath('/api/auth/reset/s3cr3t-token/')).toBe('/api/auth/reset/:redacted/');
    expect(loggablePath('/tokens/abc/more')).toBe('/tokens/:redacted/more');
    expect(loggablePath('invite/abc')).toBe('invite/:redacted');
    expect(loggablePath('/api/users/4/reset')).toBe('/api/users/4/reset');
    expect(loggablePath('/api/users/4/reset/')).toBe('/api/users/4/reset/');
    expect(loggablePath('/reinvite/abc')).toBe('/reinvite/abc');
  });

  it('leaves ordinary paths as they are', () => {
    for (const path of ['/', '/api/occurrences', '/feeds/ways/be-active.ics', '/sessions/1']) {
      expect(loggablePath(path)).toBe(path);
    }
  });

  it('drops control characters and caps the length', () => {
    expect(loggablePath('/a\u0000b\nc')).toBe('/abc');
    const long = loggablePath(`/${'x'.repeat(1000)}`);
    expect(long.length).toBeLessThanOrEqual(201);
  });
});
