import { z } from 'zod';
import { SlugSchema, text } from './common.ts';

export const VenueAccessibilitySchema = z.object({
  stepFree: z.boolean().default(false),
  hearingLoop: z.boolean().default(false),
  accessibleToilet: z.boolean().default(false),
  parking: z.boolean().default(false),
  babyChange: z.boolean().default(false),
  notes: text('Accessibility notes', 1000, 'paragraphs').default(''),
});
export type VenueAccessibility = z.infer<typeof VenueAccessibilitySchema>;

export const VenueSchema = z.object({
  slug: SlugSchema,
  name: text('Name', 120).pipe(z.string().min(1, { error: 'Give the venue a name' })),
  areaSlug: SlugSchema,
  isHub: z.boolean().default(false),
  address: text('Address', 300).pipe(z.string().min(1, { error: 'Give the street address' })),
  postcode: text('Postcode', 10).default(''),
  // The address in parts, for open data; empty parts are filled from the one-line address.
  address1: text('First line of the address', 300).default(''),
  city: text('Town or city', 80).default(''),
  stateProvince: text('County', 80).default(''),
  country: z
    .string({ error: 'Give the country as a two-letter code, for example GB' })
    .regex(/^[A-Z]{2}$/, { error: 'Give the country as a two-letter code, for example GB' })
    .default('GB'),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  phone: text('Phone', 40).default(''),
  accessibility: VenueAccessibilitySchema.default({
    stepFree: false,
    hearingLoop: false,
    accessibleToilet: false,
    parking: false,
    babyChange: false,
    notes: '',
  }),
});
export type Venue = z.infer<typeof VenueSchema>;

/** GET /api/venues: a bare list. */
export const VenueListSchema = z.array(VenueSchema);
