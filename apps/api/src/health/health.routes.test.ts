import { ApiErrorSchema } from '@fiveways/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, getJson } from '../test-support.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

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
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { app, db } = createTestApp();
    db.close();
    const res = await app.request('/api/areas');
    expect(res.status).toBe(500);
    const body = ApiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|stack/i);
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ level: 'error', path: '/api/areas' });
  });
});
