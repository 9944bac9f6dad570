import { randomBytes } from 'node:crypto';
import { roleFrom } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';
import { hashToken, listUserVenues, type StaffUser } from '../users/users.queries.ts';

/** Logged out after this long without a request. */
export const IDLE_LIMIT_MS = 8 * 60 * 60 * 1000;
/** Logged out this long after logging in, however busy. */
export const ABSOLUTE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to spare the disk a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Starts a login; returns the token for the cookie (only its hash is stored). */
export function createLogin(db: Db, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_LIMIT_MS).toISOString();
  db.prepare(
    `INSERT INTO auth_sessions (id, user_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(hashToken(token), userId, at, at, expiresAt);
  return token;
}

export interface ResolvedLogin {
  loginId: string;
  user: StaffUser;
}

/** The person a cookie token logs in, or null when unknown, expired, idle or disabled. */
export function resolveLogin(db: Db, token: string, now: Date): ResolvedLogin | null {
  const loginId = hashToken(token);
  const row = db
    .prepare(
      `SELECT a.last_seen_at, a.expires_at, u.id, u.email, u.name, u.role, u.disabled
       FROM auth_sessions a JOIN users u ON u.id = a.user_id WHERE a.id = ?`,
    )
    .get(loginId) as
    | {
        last_seen_at: string;
        expires_at: string;
        id: number;
        email: string;
        name: string;
        role: string;
        disabled: number;
      }
    | undefined;
  if (!row) return null;
  const nowMs = now.getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  if (
    row.disabled === 1 ||
    nowMs >= Date.parse(row.expires_at) ||
    nowMs - lastSeen >= IDLE_LIMIT_MS
  ) {
    deleteLogin(db, loginId);
    return null;
  }
  if (nowMs - lastSeen >= TOUCH_EVERY_MS) {
    db.prepare('UPDATE auth_sessions SET last_seen_at = ? WHERE id = ?').run(
      now.toISOString(),
      loginId,
    );
  }
  return {
    loginId,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: roleFrom(row.role),
      venues: listUserVenues(db, row.id),
    },
  };
}

export function deleteLogin(db: Db, loginId: string): void {
  db.prepare('DELETE FROM auth_sessions WHERE id = ?').run(loginId);
}

/** Logs the user out everywhere, except (optionally) the login they are using. */
export function deleteUserLogins(db: Db, userId: number, keepLoginId: string | null = null) {
  db.prepare('DELETE FROM auth_sessions WHERE user_id = ? AND id IS NOT ?').run(
    userId,
    keepLoginId,
  );
}

/** Forgets logins that can no longer be used. */
export function deleteExpiredLogins(db: Db, now: Date): void {
  db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(
    now.toISOString(),
    new Date(now.getTime() - IDLE_LIMIT_MS).toISOString(),
  );
}
