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

export function getArea(db: Db, slug: string): Area | null {
  const row = db.prepare('SELECT slug, name, description FROM areas WHERE slug = ?').get(slug) as
    AreaRow | undefined;
  return row ? rowToArea(row) : null;
}

/** True when an area has this slug (areas are never removed, so a slug is never reused). */
export function areaExists(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM areas WHERE slug = ?').get(slug) !== undefined;
}

/** Where a new area goes in the list: after every other. */
export function nextAreaSortOrder(db: Db): number {
  const row = db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM areas').get() as {
    n: number;
  };
  return row.n;
}

/** `at` is when staff created it; sample and imported areas have none. */
export function insertArea(db: Db, area: Area, sortOrder: number, at: string | null = null): void {
  db.prepare(
    'INSERT INTO areas (slug, name, description, sort_order, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(area.slug, area.name, area.description, sortOrder, at);
}

export function updateArea(db: Db, area: Area, at: string): void {
  db.prepare('UPDATE areas SET name = ?, description = ?, updated_at = ? WHERE slug = ?').run(
    area.name,
    area.description,
    at,
    area.slug,
  );
}
