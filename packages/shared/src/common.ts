import { z } from 'zod';
import { isWebAddress } from './web-address.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (rejects 2027-02-30). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date in the UK, YYYY-MM-DD. */
export const LocalDateSchema = z
  .string({ error: 'Give a date as YYYY-MM-DD, for example 2027-03-30' })
  .refine(isLocalDate, { error: 'Give a real date as YYYY-MM-DD, for example 2027-03-30' });
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** A UK wall-clock time, HH:MM on the 24-hour clock (00:00–23:59). */
export const LocalTimeSchema = z
  .string({ error: 'Give a time as HH:MM, for example 10:30' })
  .regex(TIME_RE, { error: 'Give a time as HH:MM on the 24-hour clock, for example 10:30' });
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** The most a page of a list holds: a larger `limit` is refused, not quietly cut. */
export const MAX_PAGE_SIZE = 1000;
const MAX_OFFSET = 10_000_000;

function wholeNumberParam(name: string, min: number, max: number, example: number) {
  const error = `Give ${name} as a whole number from ${min} to ${max}, for example ${example}`;
  return z
    .string({ error })
    .regex(/^\d{1,9}$/, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
}

/**
 * Paging for list routes: `limit` items from `offset`. Without `limit` the whole list comes back;
 * either way `total` says how many match.
 */
export const PageQueryFields = {
  limit: wholeNumberParam('limit', 1, MAX_PAGE_SIZE, 50).optional(),
  offset: wholeNumberParam('offset', 0, MAX_OFFSET, 100).optional(),
};

/** One page of `items`, as PageQueryFields asks. */
export function pageOf<T>(
  items: readonly T[],
  page: { limit?: number | undefined; offset?: number | undefined },
): T[] {
  const from = page.offset ?? 0;
  return items.slice(from, page.limit === undefined ? undefined : from + page.limit);
}

export const SlugSchema = z
  .string({ error: 'Give a short name made of lower-case letters, digits and dashes' })
  .min(1, { error: 'Give a short name made of lower-case letters, digits and dashes' })
  .max(80, { error: 'Keep the short name under 80 characters' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'Use only lower-case letters, digits and single dashes',
  });

/**
 * What a piece of staff text may hold. A `line` (titles, names, cost text, reasons) ends up in
 * calendar summaries, locations and names, where a line break splits or hides it; `paragraphs`
 * (descriptions, what to expect) keep their line breaks, written as plain \n.
 */
export type TextKind = 'line' | 'paragraphs';

// Every character calendars, browsers or JSON readers take as the end of a line.
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;
// Control characters (C0 but tab, LF and CR; DEL; C1 but NEL) and lone surrogates (no UTF-8).
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]|[\ud800-\udfff]/u;
const TAB = /\t/;

/**
 * Staff text as stored: trimmed; in paragraphs every kind of line break (CRLF, CR, NEL, U+2028,
 * U+2029) becomes \n.
 */
export function normaliseText(value: string, kind: TextKind): string {
  const text = kind === 'paragraphs' ? value.replace(/\r\n|[\r\u0085\u2028\u2029]/g, '\n') : value;
  return text.trim();
}

/** What is wrong with normalised text of a kind, in words for after its label; null when fine. */
export function findTextProblem(value: string, kind: TextKind): string | null {
  if (kind === 'line' && LINE_BREAK.test(value)) {
    return 'must be on one line: take out the line break';
  }
  if (CONTROL.test(value) || (kind === 'line' && TAB.test(value))) {
    return kind === 'line'
      ? 'contains a tab or another character that cannot be shown'
      : 'contains characters that cannot be shown';
  }
  return null;
}

/**
 * Free text from staff, one line (the default) or paragraphs: trimmed, at most `max` characters,
 * and refused, naming `label`, when it holds what a calendar or a listing cannot show.
 */
export function text(label: string, max: number, kind: TextKind = 'line') {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .transform((s) => normaliseText(s, kind))
    .superRefine((value, ctx) => {
      const problem = findTextProblem(value, kind);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `${label} ${problem}` });
    });
}

/** A web address staff enter (a group's or session's website): empty, or http(s) only. */
export function webAddress(label: string, max: number) {
  return text(label, max).refine((s) => s === '' || isWebAddress(s), {
    error: `${label} must be a web address starting with https:// or http://, for example https://example.org`,
  });
}

export const CostSchema = z.object({
  free: z.boolean({ error: 'Say whether it is free (true or false)' }),
  text: text('Cost details', 200).default(''),
});
export type Cost = z.infer<typeof CostSchema>;

export const ContactSchema = z.object({
  name: text('Contact name', 120).default(''),
  phone: text('Contact phone', 40).default(''),
  email: text('Contact email', 200).default(''),
  website: webAddress('Website', 300).default(''),
});
export type Contact = z.infer<typeof ContactSchema>;
