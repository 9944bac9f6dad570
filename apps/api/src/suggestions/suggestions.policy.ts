// Who may do what with suggestions, and how a change to one is audited.
import type { GroupSuggestion } from '@fiveways/shared';
import type { AccessRule, AuditedKind } from '../audit/staff-write.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { getSuggestion } from './suggestions.queries.ts';

export const MODERATORS_ONLY =
  'Only admins and venue staff can approve, merge or decline suggestions';
export const OWN_NEW_ONLY =
  'You can only change your own suggestions, and only while nobody has dealt with them yet';

/**
 * Admins and venue staff moderate the queue (a suggestion belongs to no venue yet); a Community
 * Champion may only suggest, and edit their own.
 */
export function canModerate(staff: StaffUser): boolean {
  return staff.role === 'admin' || staff.role === 'staff';
}

/** A decision: made by a moderator, on a suggestion still new. */
export const decideRule: AccessRule<GroupSuggestion, GroupSuggestion> = (staff, { before }) =>
  canModerate(staff) && before.status === 'new';

/** An edit: by the person who made the suggestion, while it is still new. */
export const editOwnRule: AccessRule<GroupSuggestion, GroupSuggestion> = (
  staff,
  { before, after },
) => before.createdBy === staff.id && before.status === 'new' && after?.status === 'new';

export const SUGGESTION: AuditedKind<number, GroupSuggestion> = {
  entity: 'suggestion',
  idOf: (id) => String(id),
  // The suggester's email never reaches the audit log: the record read back has only a flag.
  load: getSuggestion,
  missing: 'suggestion with that id',
};
