// How a change to an account is audited. Accounts show on no public page, so a write to one
// changes no cached output (and does not move /api/meta's dataVersion).
import type { InviteLink, User } from '@fiveways/shared';
import type { AuditedKind } from '../audit/staff-write.ts';
import { getUser } from './users.queries.ts';

export const USER: AuditedKind<number, User> = {
  entity: 'user',
  idOf: String,
  load: getUser,
  missing: 'account with that id',
};

/** A one-time link just issued for an account: the token exists in plain only here. */
export interface IssuedLink {
  userId: number;
  token: string;
  expiresAt: string;
}

/** An account with a link just issued: the answer holds the link, the audit entry the account. */
export function invitedUser(publicUrl: string): AuditedKind<IssuedLink, InviteLink> {
  return {
    entity: 'user',
    idOf: (issued) => String(issued.userId),
    load(db, { userId, token, expiresAt }) {
      const user = getUser(db, userId);
      return user === null ? null : { user, link: `${publicUrl}/staff/invite/${token}`, expiresAt };
    },
    audited: (invite) => invite.user,
    missing: 'account with that id',
  };
}
