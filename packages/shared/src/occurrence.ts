import { z } from 'zod';
import { AudienceSchema } from './audience.ts';
import { isLocalDate, LocalDateSchema, PageQueryFields, SlugSchema } from './common.ts';
import { BookingSchema, SessionKindSchema } from './session.ts';
import { WaySlugSchema } from './way.ts';

export const OccurrenceSchema = z.object({
  sessionId: z.number().int(),
  title: z.string(),
  /** The local date this occurrence was scheduled for (its identity; stays put when moved). */
  date: z.string(),
  /** ISO 8601 with the UK offset of that date, e.g. 2027-03-30T10:00:00+01:00. */
  start: z.string(),
  end: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  cancelReason: z.string().nullable(),
  /** True when this occurrence was moved to another time, date or venue. */
  changed: z.boolean(),
  venue: z.object({ slug: z.string(), name: z.string(), areaSlug: z.string() }),
  ways: z.array(WaySlugSchema),
  kind: SessionKindSchema,
  booking: BookingSchema,
  free: z.boolean(),
  audiences: z.array(AudienceSchema),
  group: z.string().nullable(),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const OccurrenceListSchema = z.object({
  occurrences: z.array(OccurrenceSchema),
  /** How many match, when a page (`limit`, `offset`) holds only some of them. */
  total: z.number().int().nonnegative().optional(),
});
export type OccurrenceList = z.infer<typeof OccurrenceListSchema>;

/** Query for GET /api/occurrences: inclusive local dates, at most 93 days apart. */
export const OccurrenceQuerySchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    way: WaySlugSchema.optional(),
    venue: SlugSchema.optional(),
    area: SlugSchema.optional(),
    group: SlugSchema.optional(),
    audience: AudienceSchema.optional(),
    ...PageQueryFields,
  })
  .superRefine((q, ctx) => {
    // A bad date is already reported on its own field; comparing it would only add noise.
    if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
    if (q.to < q.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" must be on or after "from"' });
      return;
    }
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > 93) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Ask for at most 93 days at a time ("from" to "to")',
      });
    }
  });
export type OccurrenceQuery = z.infer<typeof OccurrenceQuerySchema>;
