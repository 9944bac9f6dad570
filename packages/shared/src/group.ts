import { z } from 'zod';
import { AudienceSchema } from './audience.ts';
import { ContactSchema, CostSchema, LocalDateSchema, SlugSchema, text } from './common.ts';
import { TranslationsSchema } from './translation.ts';
import { WaySlugSchema } from './way.ts';

/** Youngest or oldest age a group is for: a whole number of years, 0 to 120. */
function age(label: string) {
  const error = `Give the ${label} as a whole number from 0 to 120`;
  return z
    .number({ error })
    .int({ error })
    .min(0, { error })
    .max(120, { error })
    .nullable()
    .default(null);
}

/** A group's own age range; either end may be left open (null). */
export const GroupAgesSchema = z.object({
  minAge: age('youngest age'),
  maxAge: age('oldest age'),
});

/** The issue when a group's youngest age is above its oldest, or null when the range reads. */
export function checkGroupAges(group: {
  minAge?: number | null | undefined;
  maxAge?: number | null | undefined;
}): { path: 'maxAge'; message: string } | null {
  const { minAge, maxAge } = group;
  if (minAge === null || minAge === undefined || maxAge === null || maxAge === undefined)
    return null;
  return minAge <= maxAge
    ? null
    : { path: 'maxAge', message: 'The oldest age must be at least the youngest age' };
}

export const GroupInputSchema = z.object({
  slug: SlugSchema,
  name: text('Name', 120).pipe(z.string().min(1, { error: 'Give the group a name' })),
  description: text('Description', 2000, 'paragraphs').default(''),
  ways: z.array(WaySlugSchema).min(1, { error: 'Choose at least one way to wellbeing' }).max(5),
  areaSlugs: z.array(SlugSchema).max(50).default([]),
  audiences: z.array(AudienceSchema).max(4).default([]),
  cost: CostSchema.default({ free: true, text: '' }),
  contact: ContactSchema.default({ name: '', phone: '', email: '', website: '' }),
  languages: z.array(text('Language', 40)).max(20).default(['English']),
  accessibility: text('Accessibility', 1000, 'paragraphs').default(''),
  venueSlug: SlugSchema.nullable().default(null),
  /** The name (as title) and description (as summary) in Polish, Romanian or Urdu. */
  translations: TranslationsSchema.default({}),
  /** Who runs the group (GET /api/organisations); null: the organisation that runs the hubs. */
  organisationId: z
    .number({ error: 'Give the organisation as its id, a whole number' })
    .int({ error: 'Give the organisation as its id, a whole number' })
    .positive({ error: 'Give the organisation as its id, a whole number' })
    .nullable()
    .default(null),
  ...GroupAgesSchema.shape,
});
export type GroupInput = z.infer<typeof GroupInputSchema>;

export const GroupSchema = GroupInputSchema.extend({
  /** Always sent; optional so answers saved before translations existed still read. */
  translations: TranslationsSchema.optional(),
  checkedAt: LocalDateSchema.nullable(),
  updatedAt: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupListSchema = z.object({ items: z.array(GroupSchema), total: z.number() });
export type GroupList = z.infer<typeof GroupListSchema>;
