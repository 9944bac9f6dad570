// How a change to an area is audited and what it shows. Only admins change areas (the routes
// guard them with requireAdmin).
import type { Area } from '@fiveways/shared';
import type { AuditedKind } from '../audit/staff-write.ts';
import { getArea } from './areas.queries.ts';

export const AREA: AuditedKind<string, Area> = {
  entity: 'area',
  idOf: (slug) => slug,
  load: getArea,
  missing: 'area with that name',
  // Lists and feed names read areas through the memos; no session or venue changes.
  publicChange: () => ({}),
};
