import { UserInputSchema, UserPatchSchema, type InviteLink, type User } from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/audit.queries.ts';
import { deleteUserLogins } from '../auth/logins.queries.ts';
import { apiError, notFound } from '../http/errors.ts';
import { readBody } from '../auth/read-body.ts';
import { currentStaff, requireAdmin, type StaffEnv } from '../auth/staff-auth.ts';
import {
  countActiveAdmins,
  createUserToken,
  emailTaken,
  getUser,
  insertUser,
  listUsers,
  setUserVenues,
  updateUser,
  type TokenPurpose,
} from '../auth/users.queries.ts';
import type { Db } from '../db/open-db.ts';
import { venueExists } from '../sessions/session-writes.queries.ts';
import type { StaffDeps } from './staff-deps.ts';

function checkVenues(db: Db, venues: readonly string[]) {
  venues.forEach((slug, i) => {
    if (!venueExists(db, slug)) {
      const message = `There is no venue "${slug}"`;
      throw apiError(400, 'invalid_request', `venues.${i}: ${message}`, [
        { path: `venues.${i}`, message },
      ]);
    }
  });
}

function mustGetUser(db: Db, id: number): User {
  const user = getUser(db, id);
  if (!user) throw new Error(`User ${id} vanished inside its own transaction`);
  return user;
}

function userIdParam(c: Context): number {
  const raw = c.req.param('id') ?? '';
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
}

/** Accounts: admins only. New accounts and resets come back with a one-time link to hand over. */
export function userRoutes({ db, cache, clock, publicUrl }: StaffDeps) {
  const app = new Hono<StaffEnv>();

  function issueLink(userId: number, purpose: TokenPurpose, now: Date): InviteLink {
    const { token, expiresAt } = createUserToken(db, userId, purpose, now);
    return { user: mustGetUser(db, userId), link: `${publicUrl}/staff/invite/${token}`, expiresAt };
  }

  app.get('/api/users', requireAdmin, (c) => c.json({ items: listUsers(db) }));

  app.post('/api/users', requireAdmin, async (c) => {
    const admin = currentStaff(c);
    const { data } = await readBody(c, UserInputSchema);
    checkVenues(db, data.venues);
    if (emailTaken(db, data.email)) {
      const message = `There is already an account for ${data.email}`;
      throw apiError(409, 'email_taken', message, [{ path: 'email', message }]);
    }
    const now = clock();
    const at = now.toISOString();
    const invite = db
      .transaction(() => {
        const id = insertUser(db, { ...data, passwordHash: null }, at);
        const link = issueLink(id, 'invite', now);
        recordAudit(db, {
          userId: admin.id,
          at,
          action: 'user.create',
          entity: 'user',
          entityId: String(id),
          before: null,
          after: link.user,
        });
        return link;
      })
      .immediate();
    return c.json(invite, 201);
  });

  app.patch('/api/users/:id', requireAdmin, async (c) => {
    const admin = currentStaff(c);
    const before = getUser(db, userIdParam(c));
    if (!before) throw notFound('account');
    const { data, raw } = await readBody(c, UserPatchSchema);
    const sent = typeof raw === 'object' && raw !== null ? new Set(Object.keys(raw)) : new Set();
    const after = {
      name: data.name ?? before.name,
      role: data.role ?? before.role,
      venues: sent.has('venues') && data.venues ? data.venues : before.venues,
      disabled: data.disabled ?? before.disabled,
    };
    if (after.role === 'staff' && after.venues.length === 0) {
      const message = 'Choose at least one venue this staff member looks after';
      throw apiError(400, 'invalid_request', `venues: ${message}`, [{ path: 'venues', message }]);
    }
    checkVenues(db, after.venues);
    const losesAdmin =
      before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled);
    if (losesAdmin && before.id === admin.id) {
      throw apiError(
        409,
        'own_account',
        'You cannot take away your own admin rights or disable your own account; ask another admin',
      );
    }
    const at = clock().toISOString();
    const user = db
      .transaction(() => {
        if (losesAdmin && countActiveAdmins(db) <= 1) {
          throw apiError(409, 'last_admin', 'There must always be at least one admin');
        }
        updateUser(db, before.id, after);
        setUserVenues(db, before.id, after.venues);
        if (after.disabled) deleteUserLogins(db, before.id);
        const updated = mustGetUser(db, before.id);
        recordAudit(db, {
          userId: admin.id,
          at,
          action: 'user.update',
          entity: 'user',
          entityId: String(before.id),
          before,
          after: updated,
        });
        return updated;
      })
      .immediate();
    // Accounts show on no public page: only the memos go.
    cache.invalidate({});
    return c.json(user);
  });

  app.post('/api/users/:id/reset', requireAdmin, (c) => {
    const admin = currentStaff(c);
    const before = getUser(db, userIdParam(c));
    if (!before) throw notFound('account');
    const now = clock();
    const at = now.toISOString();
    const link = db
      .transaction(() => {
        const issued = issueLink(before.id, before.passwordSet ? 'reset' : 'invite', now);
        recordAudit(db, {
          userId: admin.id,
          at,
          action: 'user.reset',
          entity: 'user',
          entityId: String(before.id),
          before,
          after: issued.user,
        });
        return issued;
      })
      .immediate();
    return c.json(link);
  });

  return app;
}
