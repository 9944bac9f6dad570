import type { Env, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { httpError, invalidRequest } from './errors.ts';

/** Empty parameters (`?way=` from a form with nothing chosen) mean "no filter". */
function withoutEmpty(query: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

/** Validates the query string with a schema; the handler reads it with `c.req.valid('query')`. */
export function validateQuery<S extends z.ZodType>(schema: S) {
  return validator('query', (value): z.output<S> => {
    const result = schema.safeParse(withoutEmpty(value));
    if (!result.success) throw invalidRequest(result.error, 'query');
    return result.data;
  });
}

/** Validates path parameters; the handler reads them with `c.req.valid('param')`. */
export function validateParams<S extends z.ZodType>(schema: S) {
  return validator('param', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw invalidRequest(result.error, 'path');
    return result.data;
  });
}

/**
 * Validates a JSON body; the handler reads it with `c.req.valid('json')`.
 * A body that is not JSON at all is a 400 naming the body, whatever its Content-Type says.
 */
export function validateJson<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<Env, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async function validateJsonBody(c, next) {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw httpError(400, 'invalid_json', 'The request body must be valid JSON', [
        { path: 'body', message: 'Send the details as a JSON object' },
      ]);
    }
    const result = schema.safeParse(body);
    if (!result.success) throw invalidRequest(result.error, 'body');
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}
