import { z } from 'zod';
import { SlugSchema, text } from './common.ts';

export const AreaSchema = z.object({
  slug: SlugSchema,
  name: text('Name', 120).pipe(z.string().min(1, { error: 'Give the area a name' })),
  description: text('Description', 1000, 'paragraphs').default(''),
});
export type Area = z.infer<typeof AreaSchema>;

/** GET /api/areas: a bare list. */
export const AreaListSchema = z.array(AreaSchema);
