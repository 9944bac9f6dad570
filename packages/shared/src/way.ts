import { z } from 'zod';
import { WAY_SLUGS } from './lists.ts';

export { WAY_SLUGS, WAYS } from './lists.ts';

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

/** GET /api/ways: a bare list. */
export const WayListSchema = z.array(WaySchema);
