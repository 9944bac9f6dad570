import { ApiErrorSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-support.ts';

describe('createApp', () => {
  it.each(['/api/nothing-here', '/api', '/api/venues/a/b', '/feeds/nothing.ics', '/feeds'])(
    'answers an unknown path %s with the JSON 404 envelope',
    async (path) => {
      const { app } = createTestApp();
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      const error = ApiErrorSchema.parse(await res.json()).error;
      expect(error).toEqual({
        code: 'not_found',
        message: `There is nothing at GET ${path}`,
        issues: [],
      });
    },
  );

  it('serves the calendar feeds', async () => {
    const { app } = createTestApp();
    const res = await app.request('/feeds/all.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await res.text()).toContain('UID:fiveways-worcester-session-1');
  });

  it('answers a method the API does not have with the JSON 404 envelope', async () => {
    const { app } = createTestApp();
    const res = await app.request('/api/ways', {
      method: 'PUT',
      headers: { origin: 'http://localhost:8787' },
    });
    expect(res.status).toBe(404);
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('not_found');
  });
});
