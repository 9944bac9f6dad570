import { ApiErrorSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createLogger } from '../ops/logger.ts';
import { createTestApp, getJson, openTestDb, testClock } from '../test-support.ts';

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const { app } = createTestApp();
    expect(await getJson(app, '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is ready while the database answers, and 503 once it does not', async () => {
    const { app, db } = createTestApp();
    expect(await getJson(app, '/api/health/ready')).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    db.close();
    expect(await getJson(app, '/api/health/ready')).toEqual({
      status: 503,
      body: { status: 'unavailable' },
    });
  });

  it('turns an unexpected failure into a 500 envelope without details, logged as one JSON line', async () => {
    const lines: string[] = [];
    const db = openTestDb();
    const app = createApp({
      db,
      clock: testClock,
      publicUrl: 'http://localhost:8787',
      log: createLogger({ write: (line) => lines.push(line) }),
    });
    db.close();
    const res = await app.request('/api/areas');
    expect(res.status).toBe(500);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|stack/i);
    const errors = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(errors.filter((l) => l.level === 'error' && l.msg === 'unhandled error')).toEqual([
      expect.objectContaining({ level: 'error', path: '/api/areas' }),
    ]);
  });
});
