import { z } from 'zod';

/** A query-string flag: "true" or "false". */
export function booleanParam(name: string) {
  return z
    .enum(['true', 'false'], { error: `Give ${name} as true or false` })
    .transform((v) => v === 'true');
}

/** A positive whole-number id in the path, e.g. /api/sessions/12. */
export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^\d+$/, { error: 'Give the id as a whole number, for example 12' })
    .transform(Number)
    .refine((n) => n >= 1, { error: 'Give the id as a whole number from 1 upwards' }),
});
