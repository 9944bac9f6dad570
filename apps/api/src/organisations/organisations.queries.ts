import type { Organisation, OrganisationInput } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

interface OrganisationRow {
  id: number;
  name: string;
  description: string;
  website: string;
  email: string;
  charity_number: string;
  updated_at: string;
}

const COLUMNS = 'id, name, description, website, email, charity_number, updated_at';

function rowToOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    website: row.website,
    email: row.email,
    charityNumber: row.charity_number,
    updatedAt: row.updated_at,
  };
}

/** Every organisation, by name. */
export function listOrganisations(db: Db): Organisation[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM organisations ORDER BY name, id`)
    .all() as OrganisationRow[];
  return rows.map(rowToOrganisation);
}

export function getOrganisation(db: Db, id: number): Organisation | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM organisations WHERE id = ?`).get(id) as
    OrganisationRow | undefined;
  return row ? rowToOrganisation(row) : null;
}

export function organisationExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(id) !== undefined;
}

/** The organisation that runs the hubs (the first one made): who runs what no one else is named for. */
export function hubOrganisationId(db: Db): number | null {
  const row = db.prepare('SELECT min(id) AS id FROM organisations').get() as { id: number | null };
  return row.id;
}

function columnsOf(organisation: OrganisationInput, now: string) {
  return {
    name: organisation.name,
    description: organisation.description,
    website: organisation.website,
    email: organisation.email,
    charityNumber: organisation.charityNumber,
    now,
  };
}

/** Adds an organisation; returns its id (never one used before). */
export function insertOrganisation(db: Db, organisation: OrganisationInput, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO organisations (name, description, website, email, charity_number, updated_at)
       VALUES (@name, @description, @website, @email, @charityNumber, @now)`,
    )
    .run(columnsOf(organisation, now));
  return Number(result.lastInsertRowid);
}

export function updateOrganisation(
  db: Db,
  id: number,
  organisation: OrganisationInput,
  now: string,
): void {
  db.prepare(
    `UPDATE organisations SET name = @name, description = @description, website = @website,
       email = @email, charity_number = @charityNumber, updated_at = @now
     WHERE id = @id`,
  ).run({ ...columnsOf(organisation, now), id });
}
