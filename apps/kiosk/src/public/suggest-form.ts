// The suggest-a-group form's rules as the person types, the same the API enforces, and the
// API's refusals turned into messages in the page's language.
import type { WaySlug } from '@fiveways/shared';
import {
  countLinks,
  SUGGESTION_EMAIL,
  SUGGESTION_LIMITS,
} from '@fiveways/shared/suggestion-limits';
import { ApiError } from '../common/api-client.ts';
import type { SuggestKey } from '../i18n/suggest/index.ts';

export interface SuggestForm {
  name: string;
  what: string;
  where: string;
  when: string;
  ways: WaySlug[];
  groupContact: string;
  groupAgreed: boolean;
  replyEmail: string;
  website: string;
}

export const EMPTY_SUGGESTION: SuggestForm = {
  name: '',
  what: '',
  where: '',
  when: '',
  ways: [],
  groupContact: '',
  groupAgreed: false,
  replyEmail: '',
  website: '',
};

export type Field =
  'name' | 'what' | 'where' | 'when' | 'groupContact' | 'groupAgreed' | 'replyEmail';
const TEXT_FIELDS = ['name', 'what', 'where', 'when', 'groupContact'] as const;
const REQUIRED = ['name', 'what', 'where', 'when'] as const;
/** Fields in the order the form shows them, for the error summary. */
export const ORDER: readonly Field[] = [
  'name',
  'what',
  'where',
  'when',
  'groupContact',
  'groupAgreed',
  'replyEmail',
];

export type Say = (key: SuggestKey, values?: Record<string, string | number>) => string;
export type Errors = Partial<Record<Field, string>>;

/** What is wrong with the form as typed, in the page's language; empty when it can be sent. */
export function checkSuggestForm(form: SuggestForm, say: Say): Errors {
  const errors: Errors = {};
  for (const field of REQUIRED) {
    if (form[field].trim() === '') errors[field] = say('errRequired');
  }
  let links = 0;
  for (const field of TEXT_FIELDS) {
    const value = form[field].trim();
    if (value.length > SUGGESTION_LIMITS[field]) {
      errors[field] = say('errTooLong', { max: SUGGESTION_LIMITS[field] });
      continue;
    }
    const here = countLinks(value);
    links += here;
    if (here > SUGGESTION_LIMITS.linksPerField) {
      errors[field] = say('errLinks', { max: SUGGESTION_LIMITS.linksPerField });
    } else if (here > 0 && links > SUGGESTION_LIMITS.links) {
      errors[field] = say('errLinks', { max: SUGGESTION_LIMITS.links });
    }
  }
  const email = form.replyEmail.trim();
  if (
    email !== '' &&
    (!SUGGESTION_EMAIL.test(email) || email.length > SUGGESTION_LIMITS.replyEmail)
  ) {
    errors.replyEmail = say('errEmail');
  }
  if (form.groupContact.trim() !== '' && !form.groupAgreed) errors.groupAgreed = say('errAgreed');
  return errors;
}

/** The server's refusal of one field, said in the page's language. */
function fieldMessage(field: Field, message: string, say: Say): string {
  if (field === 'replyEmail') return say('errEmail');
  if (field === 'groupAgreed') return say('errAgreed');
  if (/web links/.test(message)) return say('errLinks', { max: SUGGESTION_LIMITS.linksPerField });
  if (/at most/.test(message)) {
    return say('errTooLong', { max: SUGGESTION_LIMITS[field] });
  }
  if (/fill this in|needed/.test(message)) return say('errRequired');
  return say('errCheck');
}

/** The server's refusal as a message for the top of the form, and any per-field ones. */
export function refusalOf(error: unknown, say: Say): { message: string; fields: Errors } {
  if (!(error instanceof ApiError)) return { message: say('errOther'), fields: {} };
  const byCode: Partial<Record<string, SuggestKey>> = {
    too_fast: 'errTooFast',
    form_expired: 'errAgain',
    form_token_invalid: 'errAgain',
    already_received: 'errAlready',
    too_many_requests: 'errTooMany',
    too_many_today: 'errTooManyToday',
    not_accepted: 'errNotAccepted',
    network: 'errNetwork',
  };
  const key = byCode[error.code];
  if (key !== undefined) return { message: say(key), fields: {} };
  const fields: Errors = {};
  for (const issue of error.issues) {
    const field = ORDER.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field !== undefined) fields[field] ??= fieldMessage(field, issue.message, say);
  }
  return { message: say(Object.keys(fields).length > 0 ? 'errorSummary' : 'errOther'), fields };
}

/** A message with its {placeholders} filled in. */
export function fillWords(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

/** The problems left once the person has changed `changed`. */
export function withoutErrors(errors: Errors, changed: readonly string[]): Errors {
  const next: Errors = {};
  for (const field of ORDER) {
    const message = errors[field];
    if (message !== undefined && !changed.includes(field)) next[field] = message;
  }
  return next;
}
