// Who is logged in: the login cookie, and the guards that let only staff or only admins through.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AccessRule } from '../audit/staff-write.ts';
import type { Db } from '../db/open-db.ts';
import { forbidden, notLoggedIn } from '../http/errors.ts';
import { markNoStore } from '../http/no-store.ts';
import type { StaffUser } from '../users/users.queries.ts';
import { resolveLogin, type ResolvedLogin } from './logins.queries.ts';

// The cookie's name on the wire stays as it was first deployed, so nobody is logged out.
export const LOGIN_COOKIE = 'fw_session';

/** The known-browser cookie (devices.queries.ts), sent only to the login endpoint. */
export const DEVICE_COOKIE = 'fw_device';
const DEVICE_COOKIE_PATH = '/api/auth/login';

/** A cookie token longer than any we issue is not looked up. */
export const MAX_TOKEN_LENGTH = 200;

/** What a guard puts on the context for the route behind it. */
export interface LoggedIn {
  Variables: {
    staff: StaffUser;
    /** The login this request came with, e.g. to keep it when the others end. */
    loginId: string;
  };
}

export function isAdmin(staff: StaffUser): boolean {
  return staff.role === 'admin';
}

/** A Community Champion logs conversations and reads the directory; they change none of it. */
export function isChampion(staff: StaffUser): boolean {
  return staff.role === 'champion';
}

export const CHAMPION_REFUSAL =
  'A Community Champion can log conversations and read the directory, but not change it; ask staff at the venue or an admin';

/** The rule for writes only admins make (venues, areas, accounts), asked as the account now is. */
export const adminOnly: AccessRule<unknown, unknown> = (staff) => isAdmin(staff);

/**
 * The login guards, looked up only on the routes that use them: `requireAccount` answers 401
 * unless someone is logged in; `requireStaff` also 403 for a Community Champion (the directory's
 * staff: admins and venue staff), `requireAdmin` 403 unless that is an admin. `loginOf` says who
 * the cookie logs in, or null.
 */
export function loginGuards({ db, clock }: { db: Db; clock: () => Date }) {
  function loginOf(c: Context): ResolvedLogin | null {
    const token = getCookie(c, LOGIN_COOKIE);
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) return null;
    return resolveLogin(db, token, clock());
  }

  const requireAccount = createMiddleware<LoggedIn>(async function requireAccount(c, next) {
    const login = loginOf(c);
    if (login === null) throw notLoggedIn();
    c.set('staff', login.user);
    c.set('loginId', login.loginId);
    await next();
    markNoStore(c);
  });

  const requireStaff = createMiddleware<LoggedIn>(async function requireStaff(c, next) {
    const login = loginOf(c);
    if (login === null) throw notLoggedIn();
    if (isChampion(login.user)) throw forbidden(CHAMPION_REFUSAL);
    c.set('staff', login.user);
    c.set('loginId', login.loginId);
    await next();
    markNoStore(c);
  });

  const requireAdmin = createMiddleware<LoggedIn>(async function requireAdmin(c, next) {
    const login = loginOf(c);
    if (login === null) throw notLoggedIn();
    if (!isAdmin(login.user)) throw forbidden('Only an admin can do this');
    c.set('staff', login.user);
    c.set('loginId', login.loginId);
    await next();
    markNoStore(c);
  });

  return { loginOf, requireAccount, requireStaff, requireAdmin };
}

export function setLoginCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}

/** The known-browser token this request carries, if it could be one of ours. */
export function deviceTokenOf(c: Context): string | null {
  const token = getCookie(c, DEVICE_COOKIE);
  return token === undefined || token === '' || token.length > MAX_TOKEN_LENGTH ? null : token;
}

/**
 * Marks this browser as one that logged in to the account: HttpOnly, SameSite=Strict, sent only
 * to the login endpoint, kept for a year (renewed at each login).
 */
export function setDeviceCookie(c: Context, token: string, secure: boolean, maxAgeMs: number) {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: DEVICE_COOKIE_PATH,
    secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearLoginCookie(c: Context, secure: boolean): void {
  deleteCookie(c, LOGIN_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}
