import { z } from 'zod';

/** The five ways to wellbeing, in their fixed order. */
export const WAYS = [
  { slug: 'connect', name: 'Connect', meaning: 'Spend time with people around you' },
  { slug: 'be-active', name: 'Be Active', meaning: 'Move in a way you enjoy' },
  {
    slug: 'take-notice',
    name: 'Take Notice',
    meaning: 'Slow down and notice the world and how you feel',
  },
  {
    slug: 'keep-learning',
    name: 'Keep Learning',
    meaning: 'Try something new or pick up an old interest',
  },
  { slug: 'give', name: 'Give', meaning: 'Do something for someone else; volunteer' },
] as const;

export const WAY_SLUGS = ['connect', 'be-active', 'take-notice', 'keep-learning', 'give'] as const;

export const WaySlugSchema = z.enum(WAY_SLUGS, {
  error: `Choose a way to wellbeing: ${WAY_SLUGS.join(', ')}`,
});
export type WaySlug = z.infer<typeof WaySlugSchema>;

export const WaySchema = z.object({
  slug: WaySlugSchema,
  name: z.string(),
  meaning: z.string(),
});
export type Way = z.infer<typeof WaySchema>;
