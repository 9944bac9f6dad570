// The kiosk's batch of counts (POST /api/reach/kiosk): per London day, how often each thing
// happened at one kiosk. Tight limits, because a kiosk cannot sign in and anyone could post one.
import { z } from 'zod';
import { LocalDateSchema } from './common.ts';
import {
  detailProblem,
  KIOSK_EVENTS,
  KIOSK_REACH_MAX_COUNT,
  KIOSK_REACH_MAX_DAYS,
  KIOSK_REACH_MAX_KEYS,
} from './reach-events.ts';

export const KioskCountSchema = z
  .strictObject({
    event: z.enum(KIOSK_EVENTS, { error: `Use one of: ${KIOSK_EVENTS.join(', ')}` }),
    detail: z
      .string({ error: 'Give the detail as text ("" when there is none)' })
      .max(120, { error: 'Keep the detail under 120 characters' }),
    count: z
      .int({ error: 'Give the count as a whole number' })
      .min(1, { error: 'A count must be at least 1' })
      .max(KIOSK_REACH_MAX_COUNT, {
        error: `A count must be at most ${KIOSK_REACH_MAX_COUNT}; send the rest in a later batch`,
      }),
  })
  .superRefine((entry, ctx) => {
    const problem = detailProblem(entry.event, entry.detail);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['detail'], message: problem });
  });
export type KioskCount = z.infer<typeof KioskCountSchema>;

export const KioskDaySchema = z.strictObject({
  day: LocalDateSchema,
  counts: z
    .array(KioskCountSchema, { error: 'Give the counts as a list' })
    .max(KIOSK_REACH_MAX_KEYS, {
      error: `Send at most ${KIOSK_REACH_MAX_KEYS} counts for one day`,
    }),
});

export const KioskReachBatchSchema = z.strictObject({
  /** The kiosk's home venue slug, '' when it has none. */
  venue: z.union(
    [
      z.literal(''),
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .max(80),
    ],
    {
      error: 'Give the home venue as its short name, or "" when the kiosk has none',
    },
  ),
  days: z
    .array(KioskDaySchema, { error: 'Give the days as a list' })
    .min(1, { error: 'Send at least one day' })
    .max(KIOSK_REACH_MAX_DAYS, { error: `Send at most ${KIOSK_REACH_MAX_DAYS} days at once` }),
});
export type KioskReachBatch = z.infer<typeof KioskReachBatchSchema>;
