import { UserInputSchema, UserPatchSchema, type User } from '@fiveways/shared';
import { createMiddleware } from 'hono/factory';
import { adminOnly, loginGuards } from '../auth/login.ts';
import { deleteUserLogins } from '../auth/logins.queries.ts';
import { createStaffWrite } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { apiError, fieldError, notFound } from '../http/errors.ts';
import { IdParamSchema } from '../http/params.ts';
import { createRouter, type RouterDeps, validJson } from '../http/router.ts';
import { venueExists } from '../venues/venues.queries.ts';
import { invitedUser, USER } from './users.policy.ts';
import {
  countActiveAdmins,
  createUserToken,
  emailTaken,
  getUser,
  insertUser,
  listUsers,
  setUserVenues,
  updateUser,
} from './users.queries.ts';

function checkVenues(db: Db, venues: readonly string[]) {
  venues.forEach((slug, i) => {
    if (!venueExists(db, slug)) throw fieldError(`venues.${i}`, `There is no venue "${slug}"`);
  });
}

/** The account the path names, for the route behind it; 404 when there is none. */
function namedUser(db: Db) {
  return createMiddleware<{ Variables: { before: User } }>(async function namedUser(c, next) {
    const id = IdParamSchema.safeParse({ id: c.req.param('id') });
    const user = id.success ? getUser(db, id.data.id) : null;
    if (user === null) throw notFound('account with that id');
    c.set('before', user);
    await next();
  });
}

/** Accounts: admins only. New accounts and resets come back with a one-time link to hand over. */
export function userRoutes(deps: RouterDeps & { publicUrl: string }) {
  const { db } = deps;
  const { requireAdmin } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const withLink = invitedUser(deps.publicUrl);
  const user = namedUser(db);

  return createRouter()
    .get('/users', requireAdmin, (c) => c.json({ items: listUsers(db) }))

    .post('/users', requireAdmin, validJson(UserInputSchema), (c) => {
      const sent = c.req.valid('json');
      // A Champion looks after no venue: venues would give them a venue's staff rights.
      const input = sent.role === 'champion' ? { ...sent, venues: [] } : sent;
      const invite = staffWrite({
        kind: withLink,
        action: 'create',
        by: c.var.staff,
        allowed: adminOnly,
        change: ({ at, now }) => {
          checkVenues(db, input.venues);
          if (emailTaken(db, input.email)) {
            const message = `There is already an account for ${input.email}`;
            throw apiError(409, 'email_taken', message, [{ path: 'email', message }]);
          }
          const userId = insertUser(db, { ...input, passwordHash: null }, at);
          return { userId, ...createUserToken(db, userId, 'invite', now) };
        },
      });
      return c.json(invite, 201);
    })

    .patch('/users/:id', requireAdmin, user, validJson(UserPatchSchema), (c) => {
      const { staff: admin, before: atStart } = c.var;
      const patch = c.req.valid('json');
      const updated = staffWrite({
        kind: USER,
        action: 'update',
        by: admin,
        current: () => getUser(db, atStart.id),
        allowed: adminOnly,
        change: ({ before }) => {
          const role = patch.role ?? before.role;
          const after = {
            name: patch.name ?? before.name,
            role,
            venues: role === 'champion' ? [] : (patch.venues ?? before.venues),
            disabled: patch.disabled ?? before.disabled,
          };
          if (after.role === 'staff' && after.venues.length === 0) {
            throw fieldError('venues', 'Choose at least one venue this staff member looks after');
          }
          checkVenues(db, after.venues);
          const losesAdmin =
            before.role === 'admin' &&
            !before.disabled &&
            (after.role !== 'admin' || after.disabled);
          if (losesAdmin && before.id === admin.id) {
            throw apiError(
              409,
              'own_account',
              'You cannot take away your own admin rights or disable your own account; ask another admin',
            );
          }
          if (losesAdmin && countActiveAdmins(db) <= 1) {
            throw apiError(409, 'last_admin', 'There must always be at least one admin');
          }
          updateUser(db, before.id, after);
          setUserVenues(db, before.id, after.venues);
          if (after.disabled) deleteUserLogins(db, before.id);
          return before.id;
        },
      });
      return c.json(updated);
    })

    .post('/users/:id/reset', requireAdmin, user, (c) => {
      const { staff: admin, before: atStart } = c.var;
      const link = staffWrite({
        kind: withLink,
        action: 'reset',
        by: admin,
        current: () => getUser(db, atStart.id),
        allowed: adminOnly,
        change: ({ before, now }) => ({
          userId: before.id,
          ...createUserToken(db, before.id, before.passwordSet ? 'reset' : 'invite', now),
        }),
      });
      return c.json(link);
    });
}
