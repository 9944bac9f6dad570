import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/open-db.ts';
import { resolveLogin } from './logins.queries.ts';
import { forbidden, notLoggedIn } from '../http/errors.ts';
import type { StaffUser } from './users.queries.ts';

// The cookie's name on the wire stays as it was first deployed, so nobody is logged out.
export const LOGIN_COOKIE = 'fw_session';

/** What the auth middleware puts on the context. */
export interface StaffEnv {
  Variables: {
    staff: StaffUser | null;
    loginId: string | null;
  };
}

/** Reads the login cookie and puts the logged-in person (or null) on the context. */
export function loadStaff(db: Db, clock: () => Date): MiddlewareHandler<StaffEnv> {
  return async function loadStaffFromCookie(c, next) {
    const token = getCookie(c, LOGIN_COOKIE);
    const resolved =
      token === undefined || token.length > 200 ? null : resolveLogin(db, token, clock());
    c.set('staff', resolved?.user ?? null);
    c.set('loginId', resolved?.loginId ?? null);
    await next();
  };
}

/** 401 unless someone is logged in (run after loadStaff). */
export const requireStaff: MiddlewareHandler<StaffEnv> = async function requireStaff(c, next) {
  if (!c.get('staff')) throw notLoggedIn();
  await next();
};

/** 401 unless logged in, 403 unless an admin (run after loadStaff). */
export const requireAdmin: MiddlewareHandler<StaffEnv> = async function requireAdmin(c, next) {
  const staff = c.get('staff');
  if (!staff) throw notLoggedIn();
  if (staff.role !== 'admin') throw forbidden('Only an admin can do this');
  await next();
};

/** The logged-in person; use behind requireStaff. */
export function currentStaff(c: Context<StaffEnv>): StaffUser {
  const staff = c.get('staff');
  if (!staff) throw notLoggedIn();
  return staff;
}

export function canManageVenue(staff: StaffUser, venueSlug: string | null): boolean {
  if (staff.role === 'admin') return true;
  return venueSlug !== null && staff.venues.includes(venueSlug);
}

export function setLoginCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}

export function clearLoginCookie(c: Context, secure: boolean): void {
  deleteCookie(c, LOGIN_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}
