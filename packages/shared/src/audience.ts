import { z } from 'zod';

/** Who a group or session is for; the collaborative's priority groups plus adults. */
export const AUDIENCES = [
  { slug: 'children-families', name: 'Children (7–11) and families' },
  { slug: 'young-people', name: 'Young people (16–19)' },
  { slug: 'adults', name: 'Adults' },
  { slug: 'older-people', name: 'Older people' },
] as const;

export const AUDIENCE_SLUGS = [
  'children-families',
  'young-people',
  'adults',
  'older-people',
] as const;

export const AudienceSchema = z.enum(AUDIENCE_SLUGS, {
  error: `Choose an audience: ${AUDIENCE_SLUGS.join(', ')}`,
});
export type Audience = z.infer<typeof AudienceSchema>;
