// The one JSON error envelope: the errors routes throw, and the app's one handler that answers them.
import type { ApiError, ApiIssue } from '@fiveways/shared';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Logger } from '../ops/logger.ts';
import { loggablePath } from '../ops/request-logger.ts';

export function errorEnvelope(code: string, message: string, issues: ApiIssue[] = []): ApiError {
  return { error: { code, message, issues } };
}

/** An HTTPException whose response is already the JSON error envelope. */
export function apiError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues: ApiIssue[] = [],
  headers: Record<string, string> = {},
): HTTPException {
  const res = new Response(JSON.stringify(errorEnvelope(code, message, issues)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  return new HTTPException(status, { message, res });
}

/** 400 invalid_request naming every field at fault; the message repeats the first. */
export function invalidFields(issues: ApiIssue[]): HTTPException {
  const first = issues[0];
  const message =
    first === undefined ? 'Some details are not valid' : `${first.path}: ${first.message}`;
  return apiError(400, 'invalid_request', message, issues);
}

/** 400 invalid_request naming one field, e.g. `fieldError('venue', 'There is no venue "x"')`. */
export function fieldError(path: string, message: string): HTTPException {
  return invalidFields([{ path, message }]);
}

/** 400 body_incomplete: the client stopped sending the body (or the connection broke) before its end. */
export function bodyBrokenOff(): HTTPException {
  return apiError(
    400,
    'body_incomplete',
    'The request stopped before all of it arrived; please send it again',
    [{ path: 'body', message: 'The body broke off before its end' }],
  );
}

/** 409 slug_taken: short names are never reused, not even an archived group's. */
export function slugInUse(slug: string, what: string): HTTPException {
  const message = `There is already a ${what} called "${slug}"; choose another short name`;
  return apiError(409, 'slug_taken', message, [{ path: 'slug', message }]);
}

export function notFound(what: string): HTTPException {
  return apiError(404, 'not_found', `There is no ${what}`);
}

export function notLoggedIn(): HTTPException {
  return apiError(401, 'not_logged_in', 'Please log in to do this');
}

export function forbidden(message = 'Your account is not allowed to do this'): HTTPException {
  return apiError(403, 'forbidden', message);
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

/**
 * zod issues as envelope issues: a dotted path and a plain-English message. `where` names the
 * part of the request ('body', 'query', 'path') when the fault is in the whole of it.
 */
function issuesOf(error: z.core.$ZodError, where: string): ApiIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (key === '' ? '"" (a field with no name)' : key));
      const only = issue.keys.length === 1 ? issue.keys[0] : undefined;
      return {
        path:
          only === undefined || only === ''
            ? path || where
            : [path, only].filter(Boolean).join('.'),
        message: `Remove the field${keys.length === 1 ? '' : 's'} this form does not know: ${keys.join(', ')}`,
      };
    }
    // Only a body can be something other than a set of named details.
    if (path === '' && issue.code === 'invalid_type') {
      return { path: where, message: 'Send the details as one JSON object, like {"name": "…"}' };
    }
    return { path: path || where, message: plainMessage(issue) };
  });
}

/** 400 invalid_request for what zod refused in one part of the request. */
export function validationError(error: z.core.$ZodError, where: string): HTTPException {
  return invalidFields(issuesOf(error, where));
}

/** Codes for HTTPExceptions thrown without an envelope (by Hono itself or a library). */
const CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** Any path nothing answers: the 404 envelope naming it. */
export function answerNothingHere(c: Context): Response {
  return c.json(
    errorEnvelope('not_found', `There is nothing at ${c.req.method} ${c.req.path}`),
    404,
  );
}

/**
 * The app's one error handler: every failure leaves as the JSON envelope with no internals
 * leaked; a failure that was not meant (a 500) is logged with its stack.
 */
export function errorHandler(log: Logger): ErrorHandler {
  return function answerError(err: Error, c: Context): Response {
    if (err instanceof HTTPException) {
      if (err.res) return err.getResponse();
      const status = err.status;
      return c.json(
        errorEnvelope(CODES[status] ?? 'error', err.message || 'Request failed'),
        status,
      );
    }
    if (err instanceof z.ZodError) return validationError(err, 'request').getResponse();
    log.error('unhandled error', {
      method: c.req.method,
      path: loggablePath(c.req.path),
      error: err.message,
      stack: err.stack,
    });
    return c.json(
      errorEnvelope('internal_error', 'Something went wrong on our side. Please try again.'),
      500,
    );
  };
}
