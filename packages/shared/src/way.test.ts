import { describe, expect, it } from 'vitest';
import { WAY_SLUGS, WAYS, WaySlugSchema } from './way.ts';

describe('ways', () => {
  it('are the five ways to wellbeing in their fixed order', () => {
    expect(WAYS.map((w) => w.slug)).toEqual([
      'connect',
      'be-active',
      'take-notice',
      'keep-learning',
      'give',
    ]);
    expect(WAYS.map((w) => w.slug)).toEqual([...WAY_SLUGS]);
  });

  it('accept known slugs only, with a message listing them', () => {
    expect(WaySlugSchema.parse('take-notice')).toBe('take-notice');
    const result = WaySlugSchema.safeParse('be-happy');
    expect(result.error?.issues[0]?.message).toBe(
      'Choose a way to wellbeing: connect, be-active, take-notice, keep-learning, give',
    );
  });
});
