import type { ApiError, ApiIssue } from '@fiveways/shared';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export function errorBody(code: string, message: string, issues: ApiIssue[] = []): ApiError {
  return { error: { code, message, issues } };
}

/** An HTTP error that carries the one JSON error envelope as its response. */
export function apiError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues: ApiIssue[] = [],
  headers: Record<string, string> = {},
): HTTPException {
  const res = new Response(JSON.stringify(errorBody(code, message, issues)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  return new HTTPException(status, { message, res });
}

const KINDS: Partial<Record<string, string>> = {
  array: 'a list',
  object: 'a set of named details',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** zod's wording for a missing or wrongly typed value, said plainly. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input')) {
    return issue.message;
  }
  if (issue.message.endsWith('received undefined')) return 'This is needed';
  return `Give ${KINDS[issue.expected] ?? issue.expected} here`;
}

/** Turns zod issues into envelope issues: a dotted path and a plain-English message. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (key === '' ? '"" (a field with no name)' : key));
      const only = issue.keys.length === 1 ? issue.keys[0] : undefined;
      return {
        path:
          only === undefined || only === ''
            ? path || 'body'
            : [path, only].filter(Boolean).join('.'),
        message: `Remove the field${keys.length === 1 ? '' : 's'} this form does not know: ${keys.join(', ')}`,
      };
    }
    if (path === '' && issue.code === 'invalid_type') {
      return { path: 'body', message: 'Send the details as one JSON object, like {"name": "…"}' };
    }
    return { path: path || 'body', message: plainMessage(issue) };
  });
}

export function validationError(error: z.ZodError): HTTPException {
  const issues = issuesOf(error);
  const first = issues[0];
  const message =
    first === undefined ? 'Some details are not valid' : `${first.path}: ${first.message}`;
  return apiError(400, 'invalid_request', message, issues);
}

export const notLoggedIn = () => apiError(401, 'not_logged_in', 'Please log in to do this');

export const forbidden = (message = 'Your account is not allowed to do this') =>
  apiError(403, 'forbidden', message);

export const notFound = (what: string) => apiError(404, 'not_found', `There is no such ${what}`);
