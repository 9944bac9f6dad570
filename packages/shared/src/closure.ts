import { z } from 'zod';
import { isLocalDate, LocalDateSchema, SlugSchema, text } from './common.ts';
import { OccurrenceSchema } from './occurrence.ts';

/** The longest closure one action makes: a long refurbishment is closed a season at a time. */
export const MAX_CLOSURE_DAYS = 93;

const closureReason = text('Reason', 200).pipe(
  z
    .string()
    .min(1, { error: 'Give a reason residents will see, for example "Closed for Christmas"' }),
);

/** A from/to pair of local dates, `to` on or after `from` and at most `maxDays` days in all. */
function refineDateRange(maxDays: number) {
  return (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
    if (q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last day must be on or after the first day',
      });
      return;
    }
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > maxDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Close a venue for at most ${maxDays} days at a time; make a second closure for the rest`,
      });
    }
  };
}

/** POST /api/closures: close a venue from `from` to `to` (inclusive local dates). */
export const ClosureInputSchema = z
  .strictObject({
    venue: SlugSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    reason: closureReason,
  })
  .superRefine(refineDateRange(MAX_CLOSURE_DAYS));
export type ClosureInput = z.infer<typeof ClosureInputSchema>;

/** GET /api/closures/preview: what a closure would cancel; the reason is not needed yet. */
export const ClosurePreviewQuerySchema = z
  .strictObject({ venue: SlugSchema, from: LocalDateSchema, to: LocalDateSchema })
  .superRefine(refineDateRange(MAX_CLOSURE_DAYS));
export type ClosurePreviewQuery = z.infer<typeof ClosurePreviewQuerySchema>;

/** One occurrence a closure cancelled (or would), named by its session and rule date. */
export const ClosedOccurrenceSchema = z.object({
  sessionId: z.number().int(),
  title: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
});
export type ClosedOccurrence = z.infer<typeof ClosedOccurrenceSchema>;

export const ClosurePreviewSchema = z.object({
  venue: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** Scheduled occurrences there in the range: what confirming cancels. */
  occurrences: z.array(OccurrenceSchema),
  /** Occurrences there already cancelled; a closure leaves them (and their reasons) alone. */
  alreadyCancelled: z.number().int(),
});
export type ClosurePreview = z.infer<typeof ClosurePreviewSchema>;

const PersonSchema = z
  .object({ id: z.number().int(), name: z.string(), email: z.string() })
  .nullable();

export const ClosureSchema = z.object({
  id: z.number().int(),
  venue: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: PersonSchema,
  undoneAt: z.string().nullable(),
  undoneBy: PersonSchema,
  occurrences: z.array(ClosedOccurrenceSchema),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const ClosureListSchema = z.object({ items: z.array(ClosureSchema) });
export type ClosureList = z.infer<typeof ClosureListSchema>;

/** The longest school holiday kept: summer is about six weeks. */
export const MAX_SCHOOL_HOLIDAY_DAYS = 70;

/** POST/PATCH /api/school-holidays: one holiday, inclusive local dates. */
export const SchoolHolidayInputSchema = z
  .strictObject({
    name: text('Name', 80).pipe(
      z.string().min(1, { error: 'Give the holiday a name, for example "May half-term 2027"' }),
    ),
    from: LocalDateSchema,
    to: LocalDateSchema,
  })
  .superRefine((q, ctx) => {
    if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
    if (q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last day must be on or after the first day',
      });
      return;
    }
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > MAX_SCHOOL_HOLIDAY_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A school holiday is at most ${MAX_SCHOOL_HOLIDAY_DAYS} days long`,
      });
    }
  });
export type SchoolHolidayInput = z.infer<typeof SchoolHolidayInputSchema>;

export const SchoolHolidaySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  updatedAt: z.string(),
});
export type SchoolHoliday = z.infer<typeof SchoolHolidaySchema>;

export const SchoolHolidayListSchema = z.object({ items: z.array(SchoolHolidaySchema) });
export type SchoolHolidayList = z.infer<typeof SchoolHolidayListSchema>;

/** One line of "what changed this week": a record, what happened to it, who and when. */
export const RecentChangeSchema = z.object({
  at: z.string(),
  kind: z.enum(['new', 'changed', 'cancelled', 'closure']),
  /** What the entry is about, e.g. a session's title or "Gorse Hill Community Hub, 21 Dec – 1 Jan". */
  title: z.string(),
  /** A staff-area path to open it, e.g. /staff/sessions/12. */
  href: z.string().nullable(),
  by: z.string(),
  /** For a cancellation or closure: the date(s) and reason in a few words. */
  detail: z.string(),
});
export type RecentChange = z.infer<typeof RecentChangeSchema>;

export const RecentChangesSchema = z.object({
  since: z.string(),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    cancelled: z.number().int(),
    closure: z.number().int(),
  }),
  items: z.array(RecentChangeSchema),
});
export type RecentChanges = z.infer<typeof RecentChangesSchema>;
