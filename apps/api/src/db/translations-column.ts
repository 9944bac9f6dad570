import { compactTranslations, type Translations } from '@fiveways/shared';
import type { Db } from './open-db.ts';

/**
 * Stores translations after an insert, and only when there are some: a row without them keeps
 * the column's default, so seeding still runs on the older schemas the migration tests build.
 */
export function writeTranslations(
  db: Db,
  table: 'sessions' | 'groups',
  key: 'id' | 'slug',
  value: number | string,
  translations: Translations | undefined,
): void {
  const kept = compactTranslations(translations ?? {});
  if (Object.keys(kept).length === 0) return;
  db.prepare(`UPDATE ${table} SET translations = ? WHERE ${key} = ?`).run(
    JSON.stringify(kept),
    value,
  );
}
