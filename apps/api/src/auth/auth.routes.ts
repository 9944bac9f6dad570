import {
  InviteAcceptInputSchema,
  LoginInputSchema,
  PasswordChangeInputSchema,
  type Me,
} from '@fiveways/shared';
import type { Context } from 'hono';
import { createStaffWrite } from '../audit/staff-write.ts';
import { clientAddressOf, trustedProxySet } from '../http/client-address.ts';
import { apiError, fieldError } from '../http/errors.ts';
import { createRouter, type RouterDeps, validJson } from '../http/router.ts';
import { USER } from '../users/users.policy.ts';
import {
  findUsableToken,
  findUserByEmail,
  getPasswordHash,
  markTokenUsed,
  setPasswordHash,
  type UserWithHash,
} from '../users/users.queries.ts';
import {
  createDevice,
  deleteStaleDevices,
  deleteUserDevices,
  DEVICE_LIFETIME_MS,
  findDeviceFor,
  touchDevice,
} from './devices.queries.ts';
import {
  clearLoginCookie,
  deviceTokenOf,
  loginGuards,
  setDeviceCookie,
  setLoginCookie,
} from './login.ts';
import {
  createLogin,
  deleteExpiredLogins,
  deleteLogin,
  deleteUserLogins,
} from './logins.queries.ts';
import { createPasswordCheck, SCRYPT_PASSWORDS, type PasswordHasher } from './password.ts';
import { createLoginThrottle, DEFAULT_THROTTLE_LIMITS } from './throttle.ts';

export interface AuthDeps extends RouterDeps {
  publicUrl: string;
  /** Addresses of the reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXY). */
  trustedProxies?: readonly string[];
  /** How passwords are hashed and checked (scrypt unless a test counts the checks). */
  passwords?: PasswordHasher;
}

const BAD_CREDENTIALS = 'That email address and password do not match an account';

function tooManyAttempts(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return apiError(
    429,
    'too_many_attempts',
    `Too many failed attempts to log in. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    [],
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function linkUnusable() {
  return apiError(
    404,
    'link_not_usable',
    'This link does not work: it has been used already or is more than 72 hours old. Ask an admin for a new one.',
  );
}

/** Logging in and out, one's own password, and the one-time invite and reset links. */
export function authRoutes(deps: AuthDeps) {
  const { db, clock } = deps;
  const { loginOf, requireAccount } = loginGuards(deps);
  const staffWrite = createStaffWrite(deps);
  const throttle = createLoginThrottle(() => clock().getTime(), DEFAULT_THROTTLE_LIMITS);
  const secureCookies = new URL(deps.publicUrl).protocol === 'https:';
  const trustedProxies = trustedProxySet(deps.trustedProxies ?? []);
  const passwords = deps.passwords ?? SCRYPT_PASSWORDS;
  const checkPassword = createPasswordCheck(passwords);

  /** The known browser this request comes from, when it logged in to this email's account before. */
  function knownDevice(c: Context, email: string, now: Date) {
    const token = deviceTokenOf(c);
    if (token === null) return null;
    const device = findDeviceFor(db, token, email, now);
    return device === null ? null : { ...device, token };
  }

  return (
    createRouter()
      .post('/auth/login', validJson(LoginInputSchema), async (c) => {
        const { email, password } = c.req.valid('json');
        const now = clock();
        const device = knownDevice(c, email, now);
        // The place is taken before the password is checked, so attempts in flight count too.
        const verdict = throttle.begin({
          email,
          address: clientAddressOf(c, trustedProxies),
          device: device?.id,
        });
        if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterSeconds);
        let account: UserWithHash | null = null;
        try {
          const user = findUserByEmail(db, email);
          const right = await checkPassword(password, user?.passwordHash ?? null);
          if (right && user !== null && !user.disabled) account = user;
        } finally {
          // Settled whatever happened: a check that threw counts as a failure.
          if (account !== null) verdict.succeeded();
          else verdict.failed();
        }
        if (account === null) throw apiError(401, 'bad_credentials', BAD_CREDENTIALS);
        deleteExpiredLogins(db, now);
        deleteStaleDevices(db, now);
        setLoginCookie(c, createLogin(db, account.id, now), secureCookies);
        let deviceToken: string;
        if (device !== null && device.userId === account.id) {
          touchDevice(db, device.id, now);
          deviceToken = device.token;
        } else {
          deviceToken = createDevice(db, account.id, now);
        }
        setDeviceCookie(c, deviceToken, secureCookies, DEVICE_LIFETIME_MS);
        return c.body(null, 204);
      })

      .post('/auth/logout', (c) => {
        const login = loginOf(c);
        if (login !== null) deleteLogin(db, login.loginId);
        clearLoginCookie(c, secureCookies);
        return c.body(null, 204);
      })

      .get('/auth/me', requireAccount, (c) => {
        const { id, email, name, role, venues } = c.var.staff;
        return c.json({ id, email, name, role, venues } satisfies Me);
      })

      .post('/auth/password', requireAccount, validJson(PasswordChangeInputSchema), async (c) => {
        const { staff, loginId } = c.var;
        const { currentPassword, newPassword } = c.req.valid('json');
        const stored = getPasswordHash(db, staff.id);
        if (stored === null || !(await passwords.verify(currentPassword, stored))) {
          throw fieldError('currentPassword', 'Your current password is not right');
        }
        const passwordHash = await passwords.hash(newPassword);
        staffWrite({
          kind: USER,
          action: 'password',
          by: staff,
          // Anyone logged in may change their own password, and only their own.
          allowed: true,
          after: 'none',
          change: ({ at }) => {
            setPasswordHash(db, staff.id, passwordHash, at);
            deleteUserLogins(db, staff.id, loginId);
            deleteUserDevices(db, staff.id);
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
        const passwordHash = await passwords.hash(c.req.valid('json').password);
        staffWrite({
          kind: USER,
          action: owner.purpose === 'invite' ? 'accept-invite' : 'reset-password',
          by: { id: owner.userId },
          // Holding the link is the right to set this account's password, once.
          allowed: true,
          change: ({ at, now }) => {
            // Checked again inside the transaction: two racing uses cannot both succeed.
            if (!findUsableToken(db, token, now) || !markTokenUsed(db, token, now)) {
              throw linkUnusable();
            }
            setPasswordHash(db, owner.userId, passwordHash, at);
            deleteUserLogins(db, owner.userId);
            deleteUserDevices(db, owner.userId);
            return owner.userId;
          },
        });
        setLoginCookie(c, createLogin(db, owner.userId, clock()), secureCookies);
        return c.body(null, 204);
      })
  );
}
