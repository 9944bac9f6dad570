import type { Area } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

interface AreaRow {
  slug: string;
  name: string;
  description: string;
}

function rowToArea(row: AreaRow): Area {
  return { slug: row.slug, name: row.name, description: row.description };
}

export function listAreas(db: Db): Area[] {
  const rows = db
    .prepare('SELECT slug, name, description FROM areas ORDER BY sort_order, name')
    .all() as AreaRow[];
  return rows.map(rowToArea);
}

/** `at` is when staff created it; sample and imported areas have none. */
export function insertArea(db: Db, area: Area, sortOrder: number, at: string | null = null): void {
  db.prepare(
    'INSERT INTO areas (slug, name, description, sort_order, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(area.slug, area.name, area.description, sortOrder, at);
}
