// Who may change what happens at a venue, and what a change to a venue shows.
import type { Venue } from '@fiveways/shared';
import type { AuditedKind } from '../audit/staff-write.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { getVenue } from './venues.queries.ts';

/**
 * The own-venue rule, on which sessions and groups build: admins manage every venue, staff the
 * venues they look after (and nothing that has no venue), Community Champions none.
 */
export function canManageVenue(staff: StaffUser, venueSlug: string | null): boolean {
  if (staff.role === 'admin') return true;
  return staff.role === 'staff' && venueSlug !== null && staff.venues.includes(venueSlug);
}

export const VENUE: AuditedKind<string, Venue> = {
  entity: 'venue',
  idOf: (slug) => slug,
  load: getVenue,
  missing: 'venue with that name',
  // Sessions held there, or moved there for a date, show its name, address and area.
  publicChange: (slug) => ({ venues: [slug] }),
};
