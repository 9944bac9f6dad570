// Turns a refused request into messages beside each field and a summary at the top of the form.

import { ApiError } from '../../common/api-client.ts';

export interface FormErrors {
  /** The headline: what went wrong, in one sentence. */
  message: string;
  /** Messages keyed by field path (the same paths the API reports, e.g. 'contact.email'). */
  fields: Record<string, string>;
  /** Messages that belong to no field on this form. */
  other: string[];
}

export const NO_ERRORS: FormErrors = { message: '', fields: {}, other: [] };

export function hasErrors(errors: FormErrors): boolean {
  return errors.message !== '' || errors.other.length > 0 || Object.keys(errors.fields).length > 0;
}

/** The DOM id of the input for a field path: 'contact.email' → 'f-contact-email'. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** Normalises '/repeat/days/0', 'body.title' or 'repeat[0]' into 'repeat.days.0', 'title', 'repeat.0'. */
function normalisePath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^[/.]+/, '')
    .replace(/\//g, '.')
    .replace(/^(body|json)\./, '');
}

/**
 * Sorts a failure's issues onto the fields this form shows. An issue goes to the longest known
 * field path it starts with ('repeat.days.0' → 'repeat.days'); the rest are listed on their own.
 */
export function errorsFrom(error: unknown, knownPaths: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) {
    return { message: 'Something went wrong. Please try again.', fields: {}, other: [] };
  }
  const fields: Record<string, string> = {};
  const other: string[] = [];
  const byLength = [...knownPaths].sort((a, b) => b.length - a.length);
  for (const issue of error.issues) {
    const path = normalisePath(issue.path);
    const field = byLength.find((k) => path === k || path.startsWith(`${k}.`));
    if (field === undefined) other.push(issue.message);
    else if (fields[field] === undefined) fields[field] = issue.message;
  }
  const message =
    error.issues.length > 0
      ? 'There is a problem. Please check the highlighted fields.'
      : error.message;
  return { message, fields, other };
}

/** Errors found before sending, in the same shape. */
export function localErrors(fields: Record<string, string>): FormErrors {
  if (Object.keys(fields).length === 0) return NO_ERRORS;
  return { message: 'There is a problem. Please check the highlighted fields.', fields, other: [] };
}
