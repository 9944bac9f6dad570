import { z } from 'zod';
import { AUDIENCE_SLUGS } from './lists.ts';

export { AUDIENCE_SLUGS, AUDIENCES } from './lists.ts';

export const AudienceSchema = z.enum(AUDIENCE_SLUGS, {
  error: `Choose an audience: ${AUDIENCE_SLUGS.join(', ')}`,
});
export type Audience = z.infer<typeof AudienceSchema>;
