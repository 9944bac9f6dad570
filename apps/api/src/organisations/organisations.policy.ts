// What a change to an organisation shows.
import type { Organisation } from '@fiveways/shared';
import type { AuditedKind } from '../audit/staff-write.ts';
import { getOrganisation } from './organisations.queries.ts';

export const ORGANISATION: AuditedKind<number, Organisation> = {
  entity: 'organisation',
  idOf: (id) => String(id),
  load: getOrganisation,
  missing: 'organisation with that id',
  // Only the open data shows organisations, and its answers are memos every write drops.
  publicChange: () => ({}),
};
