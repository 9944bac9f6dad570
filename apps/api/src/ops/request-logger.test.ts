import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { loggablePath, requestLogger } from './request-logger.ts';

interface RequestLine {
  time: string;
  level: string;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

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
      'time',
      'level',
      'msg',
      'requestId',
      'method',
      'path',
      'status',
      'ms',
    ]);
    expect(res.headers.get('x-request-id')).toBe(line?.requestId);
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
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
    expect(replaced?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs server errors at error level', async () => {
    const { app, parsed } = appWithLog();
    await app.request('/boom');
    expect(parsed()[0]).toMatchObject({ level: 'error', status: 500 });
  });
});

describe('loggablePath', () => {
  it('replaces one-time-link tokens in the path', () => {
    expect(loggablePath('/api/auth/invite/s3cr3t-token')).toBe('/api/auth/invite/:redacted');
    expect(loggablePath('/api/users/4/reset')).toBe('/api/users/4/reset');
  });

  it('drops control characters and caps the length', () => {
    expect(loggablePath('/a\u0000b\nc')).toBe('/abc');
    const long = loggablePath(`/${'x'.repeat(1000)}`);
    expect(long.length).toBeLessThanOrEqual(201);
  });
});
