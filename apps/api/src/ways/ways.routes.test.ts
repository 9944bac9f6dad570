import { WaySchema } from '@fiveways/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, getJson } from '../test-support.ts';

describe('GET /api/ways', () => {
  it('lists the five ways in their fixed order', async () => {
    const { app } = createTestApp();
    const { status, body } = await getJson(app, '/api/ways');
    expect(status).toBe(200);
    const ways = z.array(WaySchema).parse(body);
    expect(ways.map((w) => w.slug)).toEqual([
      'connect',
      'be-active',
      'take-notice',
      'keep-learning',
      'give',
    ]);
    expect(ways[1]).toEqual({
      slug: 'be-active',
      name: 'Be Active',
      meaning: 'Move in a way you enjoy',
    });
  });
});
