// Who may close a venue and undo a closure, and how a closure is named in the audit log.
import type { Closure } from '@fiveways/shared';
import type { AccessRule, AuditedKind } from '../audit/staff-write.ts';
import { canManageVenue } from '../venues/venues.policy.ts';
import { getClosure } from './closures.queries.ts';

export const CLOSURE_SCOPE = 'You can only close the venues you look after';

/** Admins close any venue; staff the venues they look after, on both sides of the write. */
export const closureRule: AccessRule<Closure | null, Closure> = (staff, { before, after }) =>
  (before === null || canManageVenue(staff, before.venue.slug)) &&
  (after === null || canManageVenue(staff, after.venue.slug));

// No public output shows a closure itself: its cancellations invalidate their own sessions.
export const CLOSURE: AuditedKind<number, Closure> = {
  entity: 'closure',
  idOf: String,
  load: getClosure,
  missing: 'closure with that id',
};
