import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db.ts';
import { createTestApp, getJson } from '../test-support.ts';

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
      },
    });
  });

  it('says an empty, unseeded database holds no sample data', async () => {
    const { app } = createTestApp({ db: openDb(':memory:') });
    const { body } = await getJson(app, '/api/meta');
    expect(body).toMatchObject({ sampleData: false, updatedAt: null });
  });
});
