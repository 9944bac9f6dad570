// Every router of the API, and the one way a request's query, path and body are validated.
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type Env, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ReadCache } from '../cache/read-cache.ts';
import type { Db } from '../db/open-db.ts';
import { apiError, bodyBrokenOff, validationError } from './errors.ts';

/** What an API router is built from. */
export interface RouterDeps {
  db: Db;
  /** Rendered read-side output; every write says what it changed. */
  cache: ReadCache;
  /** The current time; tests pass a fixed one. */
  clock: () => Date;
}

/**
 * A router for one part of the API. It has no error handler of its own: whatever a route throws
 * falls through to the app's one `onError` (errors.ts#errorHandler).
 */
export function createRouter() {
  return new Hono();
}

/** The part of the request a target is, as 400s name it when the fault is in the whole of it. */
const WHERE = { json: 'body', query: 'query', param: 'path' } as const;

/** The one validation hook: what zod refused becomes a 400 naming the fields. */
function refuseInvalid(result: {
  success: boolean;
  error?: unknown;
  target: keyof typeof WHERE;
}): void {
  if (!result.success && result.error instanceof z.core.$ZodError) {
    throw validationError(result.error, WHERE[result.target]);
  }
}

/** Empty parameters (`?way=` from a form with nothing chosen) mean "no filter". */
function withoutEmpty(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

/** Validates the query string; the handler reads it with `c.req.valid('query')`. */
export function validQuery<S extends z.ZodType>(schema: S) {
  return zValidator('query', z.preprocess(withoutEmpty, schema), refuseInvalid);
}

/** Validates path parameters; the handler reads them with `c.req.valid('param')`. */
export function validParams<S extends z.ZodType>(schema: S) {
  return zValidator('param', schema, refuseInvalid);
}

function notJson() {
  return apiError(
    400,
    'invalid_json',
    'Send the details as JSON (Content-Type: application/json)',
    [{ path: 'body', message: 'Send the details as one JSON object' }],
  );
}

/** A middleware that gives handlers `c.req.valid('json')` typed by the schema. */
type JsonValidator<S extends z.ZodType> = MiddlewareHandler<
  Env,
  string,
  { in: { json: z.input<S> }; out: { json: z.output<S> } }
>;

/**
 * Validates a JSON body; the handler reads it with `c.req.valid('json')`. The body is read as
 * JSON whatever its Content-Type says (clients that send a string body often label it
 * text/plain; the same-origin check, not the label, keeps other sites out). A body that is not
 * JSON is a 400 naming the body.
 */
export function validJson<S extends z.ZodType>(schema: S) {
  const readJson: JsonValidator<S> = async (c, next) => {
    // Parsed once: sentFields reads the same cached result. A body that is not JSON fails to
    // parse (SyntaxError); anything else is a body that broke off on the way.
    const raw: unknown = await c.req.json().catch((error: unknown) => {
      throw error instanceof SyntaxError ? notJson() : bodyBrokenOff();
    });
    const result = await schema.safeParseAsync(raw);
    if (!result.success) throw validationError(result.error, WHERE.json);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
  return readJson;
}

/**
 * Only the fields the client actually sent, for a PATCH: zod fills in defaults for missing ones,
 * even inside `.partial()`, so the parsed body alone cannot say what was left out.
 */
export async function sentFields<T extends object>(c: Context, parsed: T): Promise<Partial<T>> {
  const raw: unknown = await c.req.json();
  if (typeof raw !== 'object' || raw === null) return {};
  const sent = new Set(Object.keys(raw));
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key))) as Partial<T>;
}
