import type { z } from 'zod';

/** Parses a JSON text column with the schema it was written from; a bad row is a server fault. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string, column: string): T {
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`Column ${column} holds data that does not fit its schema`);
  return result.data;
}

/** SQLite has no booleans: 0 and 1. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}
