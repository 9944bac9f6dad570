import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError, validationError } from '../http/errors.ts';

/** Parses the JSON body with a schema; 400 naming the fields on bad JSON or bad values. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ data: z.output<S>; raw: unknown }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw apiError(
      400,
      'invalid_json',
      'Send the details as JSON (Content-Type: application/json)',
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw validationError(result.error, 'body');
  return { data: result.data, raw };
}

/** Keeps only the fields the client actually sent (schemas fill in defaults for missing ones). */
export function sentFields<T extends object>(parsed: T, raw: unknown): Partial<T> {
  if (typeof raw !== 'object' || raw === null) return {};
  const sent = new Set(Object.keys(raw));
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key))) as Partial<T>;
}
