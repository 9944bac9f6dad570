import { AreaSchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, getJson } from '../test-support.ts';

describe('GET /api/areas', () => {
  it('lists the areas in the order they were entered', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/areas');
    expect(status).toBe(200);
    expect(z.array(AreaSchema).parse(body)).toEqual([
      { slug: 'gorse-hill', name: 'Gorse Hill', description: '' },
      { slug: 'rainbow-hill', name: 'Rainbow Hill', description: '' },
      { slug: 'warndon', name: 'Warndon', description: 'North-east Worcester' },
    ]);
  });
});
