import { getConnInfo } from '@hono/node-server/conninfo';
import {
  InviteAcceptInputSchema,
  LoginInputSchema,
  PasswordChangeInputSchema,
  type Me,
} from '@fiveways/shared';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/audit.queries.ts';
import type { Db } from '../db/open-db.ts';
import {
  createLogin,
  deleteLogin,
  deleteExpiredLogins,
  deleteUserLogins,
} from './logins.queries.ts';
import { apiError } from '../http/errors.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { readBody } from './read-body.ts';
import {
  clearLoginCookie,
  currentStaff,
  requireStaff,
  setLoginCookie,
  type StaffEnv,
} from './staff-auth.ts';
import type { LoginThrottle } from './throttle.ts';
import {
  findUsableToken,
  findUserByEmail,
  getPasswordHash,
  getUser,
  markTokenUsed,
  setPasswordHash,
} from './users.queries.ts';

export interface AuthDeps {
  db: Db;
  clock: () => Date;
  /** Whether cookies get the Secure flag (the public URL is https). */
  secureCookies: boolean;
  throttle: LoginThrottle;
}

/** The peer's address from the socket; forwarded-for headers are not trusted. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const BAD_CREDENTIALS = 'That email address and password do not match an account';

export function authRoutes({ db, clock, secureCookies, throttle }: AuthDeps) {
  const app = new Hono<StaffEnv>();

  app.post('/api/auth/login', async (c) => {
    const { data } = await readBody(c, LoginInputSchema);
    const address = clientAddress(c);
    const verdict = throttle.check(data.email, address);
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
    const user = findUserByEmail(db, data.email);
    const ok =
      user !== null && user.passwordHash !== null
        ? await verifyPassword(data.password, user.passwordHash)
        : await verifyAgainstDummy(data.password);
    if (!ok || user === null || user.disabled) {
      throttle.recordFailure(data.email, address);
      throw apiError(401, 'bad_credentials', BAD_CREDENTIALS);
    }
    throttle.recordSuccess(data.email);
    const now = clock();
    deleteExpiredLogins(db, now);
    setLoginCookie(c, createLogin(db, user.id, now), secureCookies);
    return c.body(null, 204);
  });

  app.post('/api/auth/logout', (c) => {
    const loginId = c.get('loginId');
    if (loginId !== null) deleteLogin(db, loginId);
    clearLoginCookie(c, secureCookies);
    return c.body(null, 204);
  });

  app.get('/api/auth/me', requireStaff, (c) => {
    const staff = currentStaff(c);
    const me: Me = {
      id: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      venues: staff.venues,
    };
    return c.json(me);
  });

  app.post('/api/auth/password', requireStaff, async (c) => {
    const staff = currentStaff(c);
    const { data } = await readBody(c, PasswordChangeInputSchema);
    const stored = getPasswordHash(db, staff.id);
    const ok = stored !== null && (await verifyPassword(data.currentPassword, stored));
    if (!ok) {
      throw apiError(400, 'invalid_request', 'Your current password is not right', [
        { path: 'currentPassword', message: 'Your current password is not right' },
      ]);
    }
    const passwordHash = await hashPassword(data.newPassword);
    const at = clock().toISOString();
    db.transaction(() => {
      setPasswordHash(db, staff.id, passwordHash, at);
      deleteUserLogins(db, staff.id, c.get('loginId'));
      recordAudit(db, {
        userId: staff.id,
        at,
        action: 'user.password',
        entity: 'user',
        entityId: String(staff.id),
        before: null,
        after: null,
      });
    })();
    return c.body(null, 204);
  });

  // One-time invite and reset links: look, then set a password.
  app.get('/api/auth/invite/:token', (c) => {
    const owner = findUsableToken(db, c.req.param('token'), clock());
    if (!owner) throw linkUnusable();
    return c.json({ email: owner.email, name: owner.name, purpose: owner.purpose });
  });

  app.post('/api/auth/invite/:token', async (c) => {
    const token = c.req.param('token');
    const { data } = await readBody(c, InviteAcceptInputSchema);
    if (!findUsableToken(db, token, clock())) throw linkUnusable();
    const passwordHash = await hashPassword(data.password);
    const now = clock();
    const at = now.toISOString();
    const userId = db.transaction(() => {
      // Checked again inside the transaction: two racing uses cannot both succeed.
      const owner = findUsableToken(db, token, now);
      if (!owner || !markTokenUsed(db, token, now)) return null;
      setPasswordHash(db, owner.userId, passwordHash, at);
      deleteUserLogins(db, owner.userId);
      recordAudit(db, {
        userId: owner.userId,
        at,
        action: owner.purpose === 'invite' ? 'user.accept-invite' : 'user.reset-password',
        entity: 'user',
        entityId: String(owner.userId),
        before: null,
        after: getUser(db, owner.userId),
      });
      return owner.userId;
    })();
    if (userId === null) throw linkUnusable();
    setLoginCookie(c, createLogin(db, userId, now), secureCookies);
    return c.body(null, 204);
  });

  return app;
}

function linkUnusable() {
  return apiError(
    404,
    'link_not_usable',
    'This link does not work: it has been used already or is more than 72 hours old. Ask an admin for a new one.',
  );
}
