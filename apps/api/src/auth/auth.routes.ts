import { getConnInfo } from '@hono/node-server/conninfo';
import {
  InviteAcceptInputSchema,
  LoginInputSchema,
  PasswordChangeInputSchema,
  type Me,
} from '@fiveways/shared';
import type { Context } from 'hono';
import { createStaffWrite } from '../audit/staff-write.ts';
import { apiError, fieldError } from '../http/errors.ts';
import { createRouter, type RouterDeps, validJson } from '../http/router.ts';
import { USER } from '../users/users.policy.ts';
import {
  findUsableToken,
  findUserByEmail,
  getPasswordHash,
  markTokenUsed,
  setPasswordHash,
} from '../users/users.queries.ts';
import { clearLoginCookie, loginGuards, setLoginCookie } from './login.ts';
import {
  createLogin,
  deleteExpiredLogins,
  deleteLogin,
  deleteUserLogins,
} from './logins.queries.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { createLoginThrottle, DEFAULT_THROTTLE_LIMITS } from './throttle.ts';

/** The peer's address from the socket; forwarded-for headers are not trusted. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const BAD_CREDENTIALS = 'That email address and password do not match an account';

function linkUnusable() {
  return apiError(
    404,
    'link_not_usable',
    'This link does not work: it has been used already or is more than 72 hours old. Ask an admin for a new one.',
  );
}

/** Logging in and out, one's own password, and the one-time invite and reset links. */
export function authRoutes(deps: RouterDeps & { publicUrl: string }) {
  const { db, clock } = deps;
  const { loginOf, requireStaff } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const throttle = createLoginThrottle(() => clock().getTime(), DEFAULT_THROTTLE_LIMITS);
  const secureCookies = new URL(deps.publicUrl).protocol === 'https:';

  return (
    createRouter()
      .post('/auth/login', validJson(LoginInputSchema), async (c) => {
        const { email, password } = c.req.valid('json');
        const address = clientAddress(c);
        const verdict = throttle.check(email, address);
        if (!verdict.allowed) {
          const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
          throw apiError(
            429,
            'too_many_attempts',
            `Too many failed attempts to log in. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
            [],
            { 'Retry-After': String(verdict.retryAfterSeconds) },
          );
        }
        const user = findUserByEmail(db, email);
        const ok =
          user !== null && user.passwordHash !== null
            ? await verifyPassword(password, user.passwordHash)
            : await verifyAgainstDummy(password);
        if (!ok || user === null || user.disabled) {
          throttle.recordFailure(email, address);
          throw apiError(401, 'bad_credentials', BAD_CREDENTIALS);
        }
        throttle.recordSuccess(email);
        const now = clock();
        deleteExpiredLogins(db, now);
        setLoginCookie(c, createLogin(db, user.id, now), secureCookies);
        return c.body(null, 204);
      })

      .post('/auth/logout', (c) => {
        const login = loginOf(c);
        if (login !== null) deleteLogin(db, login.loginId);
        clearLoginCookie(c, secureCookies);
        return c.body(null, 204);
      })

      .get('/auth/me', requireStaff, (c) => {
        const { id, email, name, role, venues } = c.var.staff;
        return c.json({ id, email, name, role, venues } satisfies Me);
      })

      .post('/auth/password', requireStaff, validJson(PasswordChangeInputSchema), async (c) => {
        const { staff, loginId } = c.var;
        const { currentPassword, newPassword } = c.req.valid('json');
        const stored = getPasswordHash(db, staff.id);
        if (stored === null || !(await verifyPassword(currentPassword, stored))) {
          throw fieldError('currentPassword', 'Your current password is not right');
        }
        const passwordHash = await hashPassword(newPassword);
        staffWrite({
          kind: USER,
          action: 'password',
          by: staff,
          // Anyone logged in may change their own password, and only their own.
          allowed: true,
          before: null,
          after: 'none',
          change: (at) => {
            setPasswordHash(db, staff.id, passwordHash, at);
            deleteUserLogins(db, staff.id, loginId);
            return staff.id;
          },
        });
        return c.body(null, 204);
      })

      // One-time invite and reset links: look, then set a password.
      .get('/auth/invite/:token', (c) => {
        const owner = findUsableToken(db, c.req.param('token'), clock());
        if (!owner) throw linkUnusable();
        return c.json({ email: owner.email, name: owner.name, purpose: owner.purpose });
      })

      .post('/auth/invite/:token', validJson(InviteAcceptInputSchema), async (c) => {
        const token = c.req.param('token');
        const owner = findUsableToken(db, token, clock());
        if (!owner) throw linkUnusable();
        const passwordHash = await hashPassword(c.req.valid('json').password);
        staffWrite({
          kind: USER,
          action: owner.purpose === 'invite' ? 'accept-invite' : 'reset-password',
          by: { id: owner.userId },
          // Holding the link is the right to set this account's password, once.
          allowed: true,
          before: null,
          change: (at, now) => {
            // Checked again inside the transaction: two racing uses cannot both succeed.
            if (!findUsableToken(db, token, now) || !markTokenUsed(db, token, now)) {
              throw linkUnusable();
            }
            setPasswordHash(db, owner.userId, passwordHash, at);
            deleteUserLogins(db, owner.userId);
            return owner.userId;
          },
        });
        setLoginCookie(c, createLogin(db, owner.userId, clock()), secureCookies);
        return c.body(null, 204);
      })
  );
}
