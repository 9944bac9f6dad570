import { MetaSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';
import { createTestApp, getJson, testClock } from '../test-support.ts';

describe('GET /api/meta', () => {
  it('says the data is sample data, its version and how fresh it is', async () => {
    const { app } = createTestApp();
    expect(await getJson(app, '/api/meta')).toEqual({
      status: 200,
      body: {
        sampleData: true,
        dataVersion: 1,
        generatedAt: '2026-11-23T10:00:00.000Z',
        updatedAt: '2026-11-23T10:00:00.000Z',
        publicUrl: 'http://localhost:8787',
      },
    });
  });

  it('says an empty, unseeded database holds no sample data', async () => {
    const { app } = createTestApp({ db: openDb(':memory:') });
    const { body } = await getJson(app, '/api/meta');
    expect(body).toMatchObject({ sampleData: false, updatedAt: null });
  });

  it('gives the public address phones reach the service at, whatever address was asked', async () => {
    const app = createApp({
      db: openDb(':memory:'),
      clock: testClock,
      publicUrl: 'https://fiveways.example.org',
    });
    const res = await app.request('http://127.0.0.1:8787/api/meta', {
      headers: { host: '127.0.0.1:8787' },
    });
    expect(MetaSchema.parse(await res.json()).publicUrl).toBe('https://fiveways.example.org');
  });
});

describe('GET /api/meta revalidation', () => {
  it('answers a poll with 304 until the data changes, then with the new version', async () => {
    const { app } = createTestApp();
    const first = await app.request('/api/meta');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+-1"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await app.request('/api/meta', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // A stale tag (another version) gets the whole answer.
    const stale = await app.request('/api/meta', {
      headers: { 'if-none-match': etag.replace(/-1"$/, '-0"') },
    });
    expect(stale.status).toBe(200);
    expect(MetaSchema.parse(await stale.json()).dataVersion).toBe(1);
  });
});
