import { z } from 'zod';
import { AudienceSchema } from './audience.ts';
import { ImportedFromSchema } from './calendar-import.ts';
import {
  ContactSchema,
  CostSchema,
  LocalDateSchema,
  LocalTimeSchema,
  SlugSchema,
  text,
} from './common.ts';
import { WEEKDAYS } from './lists.ts';
import { TranslationsSchema } from './translation.ts';
import { WaySlugSchema } from './way.ts';

export { WEEKDAYS } from './lists.ts';
export const WeekdaySchema = z.enum(WEEKDAYS, {
  error: 'Give a day as mon, tue, wed, thu, fri, sat or sun',
});
export type Weekday = z.infer<typeof WeekdaySchema>;

export const SESSION_KINDS = ['drop-in', 'group', 'course', 'clinic', 'event'] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS, {
  error: `Choose a kind of session: ${SESSION_KINDS.join(', ')}`,
});
export type SessionKind = z.infer<typeof SessionKindSchema>;

export const BOOKINGS = ['drop-in', 'book'] as const;
export const BookingSchema = z.enum(BOOKINGS, {
  error: 'Say whether people can just drop in (drop-in) or must book (book)',
});
export type Booking = z.infer<typeof BookingSchema>;

export const WeeklyRepeatSchema = z.object({
  every: z.literal('week'),
  interval: z
    .number({ error: 'Say how many weeks apart, from 1 to 8' })
    .int({ error: 'Say how many weeks apart as a whole number' })
    .min(1, { error: 'Weeks apart must be at least 1' })
    .max(8, { error: 'Weeks apart must be at most 8' })
    .default(1),
  days: z
    .array(WeekdaySchema)
    .min(1, { error: 'Choose at least one day of the week' })
    .max(7)
    .refine((d) => new Set(d).size === d.length, { error: 'Choose each day only once' }),
});
export type WeeklyRepeat = z.infer<typeof WeeklyRepeatSchema>;

export const MonthlyRepeatSchema = z.object({
  every: z.literal('month'),
  weekday: WeekdaySchema,
  nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
    error: 'Say which week of the month: 1, 2, 3, 4, or -1 for the last',
  }),
});
export type MonthlyRepeat = z.infer<typeof MonthlyRepeatSchema>;

export const RepeatSchema = z.discriminatedUnion(
  'every',
  [WeeklyRepeatSchema, MonthlyRepeatSchema],
  {
    error: 'Repeat must be every "week" or every "month"',
  },
);
export type Repeat = z.infer<typeof RepeatSchema>;

/** How a session repeats: the part of a session the recurrence module needs. */
export interface Recurrence {
  startDate: string;
  startTime: string;
  endTime: string;
  repeat: Repeat | null;
  until: string | null;
  count: number | null;
  skipBankHolidays: boolean;
  /** School holidays the rule skips (inclusive local dates); absent or empty: none. */
  schoolHolidays?: readonly DateRange[] | undefined;
  exceptions: readonly OccurrenceException[];
}

/** An inclusive range of local dates, e.g. a school holiday. */
export interface DateRange {
  from: string;
  to: string;
}

export const EXCEPTION_KINDS = ['cancelled', 'changed'] as const;

/** One occurrence, named by its original date, cancelled or moved. */
export const OccurrenceExceptionSchema = z.object({
  date: LocalDateSchema,
  kind: z.enum(EXCEPTION_KINDS),
  reason: z.string().default(''),
  /** For a change: the new date, times and venue (null = unchanged). */
  newDate: LocalDateSchema.nullable().default(null),
  startTime: LocalTimeSchema.nullable().default(null),
  endTime: LocalTimeSchema.nullable().default(null),
  venueSlug: SlugSchema.nullable().default(null),
});
export type OccurrenceException = z.infer<typeof OccurrenceExceptionSchema>;

const sessionFields = {
  title: text('Title', 120).pipe(z.string().min(1, { error: 'Give the session a title' })),
  venue: SlugSchema,
  ways: z
    .array(WaySlugSchema, { error: 'Choose at least one way to wellbeing' })
    .min(1, { error: 'Choose at least one way to wellbeing' })
    .max(5)
    .refine((w) => new Set(w).size === w.length, { error: 'Choose each way only once' }),
  startDate: LocalDateSchema,
  startTime: LocalTimeSchema,
  endTime: LocalTimeSchema,
  repeat: RepeatSchema.nullable().default(null),
  until: LocalDateSchema.nullable().default(null),
  count: z
    .number({ error: 'Give the number of times as a whole number' })
    .int({ error: 'Give the number of times as a whole number' })
    .min(1, { error: 'The number of times must be at least 1' })
    .max(500, { error: 'The number of times must be at most 500' })
    .nullable()
    .default(null),
  skipBankHolidays: z.boolean().default(false),
  skipSchoolHolidays: z.boolean().default(false),
  kind: SessionKindSchema.default('group'),
  booking: BookingSchema.default('drop-in'),
  bookingInfo: text('Booking details', 500, 'paragraphs').default(''),
  cost: CostSchema.default({ free: true, text: '' }),
  audiences: z.array(AudienceSchema).max(4).default([]),
  description: text('Description', 2000, 'paragraphs').default(''),
  whatToExpect: text('What to expect', 2000, 'paragraphs').default(''),
  accessibility: text('Accessibility notes', 1000, 'paragraphs').default(''),
  contact: ContactSchema.default({ name: '', phone: '', email: '', website: '' }),
  group: SlugSchema.nullable().default(null),
  /** The title and description in Polish, Romanian or Urdu, where staff have translated them. */
  translations: TranslationsSchema.default({}),
};

type NoDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/** A patch must not fill in defaults for fields it does not mention. */
function withoutDefault<T extends z.ZodType>(schema: T): NoDefault<T> {
  return (schema instanceof z.ZodDefault ? schema.unwrap() : schema) as NoDefault<T>;
}

/** The longest a repeating session may run by end date: a rule past this is a typo or an attack. */
export const MAX_RULE_YEARS = 10;

/** The same day `years` later, as a comparable 'YYYY-MM-DD' string (29 February stays as it is). */
function yearsAfter(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** Checks that need several fields at once; shared by create and update. */
function checkSessionShape(
  s: {
    startTime: string;
    endTime: string;
    repeat: Repeat | null;
    until: string | null;
    count: number | null;
    startDate: string;
  },
  ctx: z.RefinementCtx,
) {
  if (s.endTime <= s.startTime) {
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: 'The end time must be after the start time',
    });
  }
  if (s.until !== null && s.count !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message: 'Give either an end date or a number of times, not both',
    });
  }
  if (s.until !== null && s.until < s.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: 'The end date must be on or after the start date',
    });
  }
  if (s.until !== null && s.until > yearsAfter(s.startDate, MAX_RULE_YEARS)) {
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `The end date must be at most ${MAX_RULE_YEARS} years after the start date`,
    });
  }
  if (s.repeat === null && (s.until !== null || (s.count !== null && s.count !== 1))) {
    ctx.addIssue({
      code: 'custom',
      path: ['repeat'],
      message: 'A one-off session cannot have an end date or a number of times',
    });
  }
}

/** What staff send to create a session (POST /api/sessions). */
export const SessionInputSchema = z.strictObject(sessionFields).superRefine(checkSessionShape);
export type SessionInput = z.infer<typeof SessionInputSchema>;

/** What staff send to change a session (PATCH /api/sessions/:id): any subset of the fields. */
export const SessionPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(sessionFields).map(([key, schema]) => [key, withoutDefault(schema)]),
    ) as { [K in keyof typeof sessionFields]: NoDefault<(typeof sessionFields)[K]> },
  )
  .partial();
export type SessionPatch = z.infer<typeof SessionPatchSchema>;
export { checkSessionShape };

export const SessionVenueSchema = z.object({
  slug: z.string(),
  name: z.string(),
  areaSlug: z.string(),
});

/** A session as the API returns it. */
export const SessionSchema = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  venue: SessionVenueSchema,
  ways: z.array(WaySlugSchema),
  startDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  repeat: RepeatSchema.nullable(),
  until: z.string().nullable(),
  count: z.number().nullable(),
  skipBankHolidays: z.boolean(),
  skipSchoolHolidays: z.boolean().default(false),
  /** When skipSchoolHolidays: the school holidays it skips, as the staff area keeps them. */
  schoolHolidays: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
  kind: SessionKindSchema,
  booking: BookingSchema,
  bookingInfo: z.string(),
  cost: CostSchema,
  audiences: z.array(AudienceSchema),
  description: z.string(),
  whatToExpect: z.string(),
  accessibility: z.string(),
  contact: ContactSchema,
  group: z.string().nullable(),
  /** Always sent; optional so answers saved before translations existed still read. */
  translations: TranslationsSchema.optional(),
  exceptions: z.array(OccurrenceExceptionSchema),
  status: z.enum(['active', 'archived']),
  sequence: z.number().int(),
  updatedAt: z.string(),
  /** Sent only for a session imported from a group's own calendar: where it came from. */
  importedFrom: ImportedFromSchema.nullable().optional(),
  /** Sent with importedFrom: the fields that calendar owns, read-only here. */
  sourceOwned: z.array(z.string()).optional(),
});
export type Session = z.infer<typeof SessionSchema>;

/** GET /api/sessions: the active sessions, and how many there are. */
export const SessionListSchema = z.object({ items: z.array(SessionSchema), total: z.number() });
export type SessionList = z.infer<typeof SessionListSchema>;

export const CANCEL_REASONS = [
  'Staff unavailable',
  'Venue closed',
  'Bad weather',
  'Not enough people booked',
  'Bank holiday',
] as const;

export const CancellationInputSchema = z.strictObject({
  date: LocalDateSchema,
  reason: text('Reason', 300).pipe(
    z.string().min(1, { error: 'Say why it is cancelled, so people know' }),
  ),
});
export type CancellationInput = z.infer<typeof CancellationInputSchema>;

export const OccurrenceChangeInputSchema = z.strictObject({
  date: LocalDateSchema,
  newDate: LocalDateSchema.nullable().default(null),
  startTime: LocalTimeSchema.nullable().default(null),
  endTime: LocalTimeSchema.nullable().default(null),
  venue: SlugSchema.nullable().default(null),
  reason: text('Reason', 300).default(''),
});
export type OccurrenceChangeInput = z.infer<typeof OccurrenceChangeInputSchema>;
