// A group's own calendar (an ICS feed) linked to it and imported on a timer: what staff send to
// link one, what a preview and each import run report, and the marks an imported session carries.
import { z } from 'zod';
import { SlugSchema } from './common.ts';
import { formatShortDate } from './dates.ts';

/** POST /api/groups/:slug/calendars (and its preview): the calendar's address. */
export const CalendarLinkInputSchema = z.strictObject({
  url: z
    .string({ error: 'Give the address of the group’s calendar, for example webcal://…/basic.ics' })
    .trim()
    .min(1, { error: 'Give the address of the group’s calendar, for example webcal://…/basic.ics' })
    .max(2000, { error: 'The calendar’s address must be at most 2000 characters' }),
  /** Where its sessions are held when the calendar names no venue we know; needed when the group has none. */
  venue: SlugSchema.nullable().default(null),
});
export type CalendarLinkInput = z.infer<typeof CalendarLinkInputSchema>;

export const IMPORT_REPORT_KINDS = [
  'added',
  'updated',
  'archived',
  'cancelled',
  'skipped',
  'expanded',
] as const;

/** One line of an import's report, in plain English. */
export const ImportReportLineSchema = z.object({
  kind: z.enum(IMPORT_REPORT_KINDS),
  title: z.string(),
  text: z.string(),
});
export type ImportReportLine = z.infer<typeof ImportReportLineSchema>;

export const IMPORT_OUTCOMES = ['running', 'imported', 'not-modified', 'failed'] as const;

/** One import of one calendar: when, how it ended, what changed and why. */
export const ImportRunSchema = z.object({
  id: z.number().int(),
  linkId: z.number().int(),
  trigger: z.enum(['scheduled', 'manual']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  added: z.number().int(),
  updated: z.number().int(),
  archived: z.number().int(),
  skipped: z.number().int(),
  expanded: z.number().int(),
  error: z.string().nullable(),
  report: z.array(ImportReportLineSchema),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;

export const ImportRunListSchema = z.object({
  items: z.array(ImportRunSchema),
  total: z.number().int(),
});
export type ImportRunList = z.infer<typeof ImportRunListSchema>;

/** A linked calendar and how its imports are going. */
export const CalendarLinkSchema = z.object({
  id: z.number().int(),
  group: z.string(),
  groupName: z.string(),
  url: z.string(),
  venue: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastChangedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  failingSince: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  /** What staff should look at: failing for days, or unchanged for months; null when all is well. */
  warning: z.string().nullable(),
  latestRun: ImportRunSchema.nullable(),
});
export type CalendarLink = z.infer<typeof CalendarLinkSchema>;

export const CalendarLinkListSchema = z.object({
  items: z.array(CalendarLinkSchema),
  total: z.number().int(),
});
export type CalendarLinkList = z.infer<typeof CalendarLinkListSchema>;

/** A session the calendar would give, as a preview lists it. */
export const PreviewSessionSchema = z.object({
  sourceKey: z.string(),
  title: z.string(),
  venue: z.string(),
  startDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  /** In words, e.g. "Every Tuesday" or "Once"; the same words the staff area uses. */
  when: z.string(),
  cancelledDates: z.array(z.string()),
  expandedFrom: z.string().nullable(),
});

/** POST /api/groups/:slug/calendars/preview: what an import would do; nothing is written. */
export const ImportPreviewSchema = z.object({
  url: z.string(),
  sessions: z.array(PreviewSessionSchema),
  skipped: z.array(z.object({ uid: z.string(), title: z.string(), reason: z.string() })),
  expanded: z.array(
    z.object({ uid: z.string(), title: z.string(), reason: z.string(), oneOffs: z.number() }),
  ),
  cancelledSeries: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** On an imported session: the group whose calendar it came from, and that calendar. */
export const ImportedFromSchema = z.object({ group: z.string(), url: z.string() });
export type ImportedFrom = z.infer<typeof ImportedFromSchema>;

/** Session fields a calendar may own; the rest (ways, audiences, booking…) stay the staff's. */
export const SOURCE_OWNED_FIELDS = [
  'title',
  'description',
  'venue',
  'startDate',
  'startTime',
  'endTime',
  'repeat',
  'until',
  'count',
] as const;
export type SourceOwnedField = (typeof SOURCE_OWNED_FIELDS)[number];

const DAY_MS = 86_400_000;
/** A calendar failing this long, or unchanged this long, is worth a look. */
export const FAILING_WARN_DAYS = 3;
export const UNCHANGED_WARN_DAYS = 91;

/** What is wrong with a linked calendar, in a sentence, or null when nothing is. */
export function calendarWarning(
  link: {
    failingSince: string | null;
    lastChangedAt: string | null;
    createdAt: string;
    lastError: string | null;
  },
  now: Date,
): string | null {
  if (
    link.failingSince !== null &&
    now.getTime() - Date.parse(link.failingSince) >= FAILING_WARN_DAYS * DAY_MS
  ) {
    return `Has not imported since ${formatShortDate(link.failingSince.slice(0, 10))}: ${link.lastError ?? 'the calendar could not be read'}`;
  }
  const changed = link.lastChangedAt ?? link.createdAt;
  if (now.getTime() - Date.parse(changed) >= UNCHANGED_WARN_DAYS * DAY_MS) {
    return `Has not changed since ${formatShortDate(changed.slice(0, 10))}: check the group still keeps this calendar`;
  }
  return null;
}
