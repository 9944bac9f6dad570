// The request log and the body limit as mounted in the real app.
import { ApiErrorSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openTestDb, testClock } from '../test-support.ts';
import { createLogger } from './logger.ts';

function appWithLog() {
  const lines: string[] = [];
  const app = createApp({
    db: openTestDb(),
    clock: testClock,
    publicUrl: 'http://localhost:8787',
    log: createLogger({ write: (l) => lines.push(l) }),
  });
  return { app, lines };
}

describe('request logging in the app', () => {
  it('logs each request once, errors included, with the id it returns', async () => {
    const { app, lines } = appWithLog();
    const ok = await app.request('/api/ways');
    const bad = await app.request('/api/occurrences?from=banana&to=2027-01-01');
    const missing = await app.request('/api/nothing-here');
    expect([ok.status, bad.status, missing.status]).toEqual([200, 400, 404]);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.map((l) => [l.path, l.status])).toEqual([
      ['/api/ways', 200],
      ['/api/occurrences', 400],
      ['/api/nothing-here', 404],
    ]);
    expect(logged.map((l) => l.requestId)).toEqual(
      [ok, bad, missing].map((r) => r.headers.get('x-request-id')),
    );
  });

  it('keeps the login email and password out of the log', async () => {
    const { app, lines } = appWithLog();
    await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:8787' },
      body: JSON.stringify({ email: 'private.person@example.org', password: 'not-in-logs-123' }),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/private\.person|not-in-logs/);
  });

  it('answers an oversized body with 413 in the envelope before any route reads it', async () => {
    const { app } = appWithLog();
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:8787' },
      body: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(200_000) }),
    });
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('payload_too_large');
  });
});
