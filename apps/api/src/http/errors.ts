import type { ApiError, ApiIssue } from '@fiveways/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export function errorEnvelope(code: string, message: string, issues: ApiIssue[] = []): ApiError {
  return { error: { code, message, issues } };
}

/** An HTTPException whose response is already the JSON error envelope. */
export function httpError(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues: ApiIssue[] = [],
): HTTPException {
  const res = new Response(JSON.stringify(errorEnvelope(code, message, issues)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  return new HTTPException(status, { message, res });
}

export function notFound(what: string): HTTPException {
  return httpError(404, 'not_found', `There is no ${what}`);
}

/** Zod issues as envelope issues: a dotted path (or `where` for the whole thing) and the message. */
export function issuesOf(error: z.ZodError, where: string): ApiIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        path: [...issue.path, ...issue.keys.slice(0, 1)].map(String).join('.') || where,
        message: `Remove what is not known here: ${issue.keys.join(', ')}`,
      };
    }
    return { path: issue.path.map(String).join('.') || where, message: issue.message };
  });
}

/** 400 invalid_request naming every bad field and what to do about it. */
export function invalidRequest(error: z.ZodError, where: string): HTTPException {
  const issues = issuesOf(error, where);
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return httpError(400, 'invalid_request', message || `The ${where} is not valid`, issues);
}

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

/** The one error handler: every failure leaves as the JSON envelope, with no internals leaked. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    const status = err.status;
    return c.json(errorEnvelope(CODES[status] ?? 'error', err.message || 'Request failed'), status);
  }
  if (err instanceof z.ZodError) return invalidRequest(err, 'request').getResponse();
  console.error(
    JSON.stringify({
      level: 'error',
      time: new Date().toISOString(),
      msg: 'unhandled error',
      method: c.req.method,
      path: c.req.path,
      error: err.message,
      stack: err.stack,
    }),
  );
  return c.json(
    errorEnvelope('internal_error', 'Something went wrong on our side. Please try again.'),
    500,
  );
}
