// Known browsers: a token kept in a long-lived cookie by each browser that logged in to an
// account, so its later attempts are counted apart from strangers' (see throttle.ts).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open-db.ts';
import { hashToken } from '../users/users.queries.ts';

/** A browser stays known this long after it last logged in. */
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** Remembers a browser that has just logged in to the account; returns the cookie's token. */
export function createDevice(db: Db, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.prepare(
    'INSERT INTO login_devices (id, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
  ).run(hashToken(token), userId, at, at);
  return token;
}

export interface KnownDevice {
  /** The stored id (the token's hash): what the throttle counts by. */
  id: string;
  userId: number;
}

/**
 * The browser a cookie token names, when it logged in to the account with this email within the
 * last year; null otherwise (a made-up token, another account's, or a forgotten one).
 */
export function findDeviceFor(db: Db, token: string, email: string, now: Date): KnownDevice | null {
  const row = db
    .prepare(
      `SELECT d.id, d.user_id FROM login_devices d JOIN users u ON u.id = d.user_id
       WHERE d.id = ? AND u.email = ? COLLATE NOCASE AND d.last_used_at > ?`,
    )
    .get(
      hashToken(token),
      email.trim(),
      new Date(now.getTime() - DEVICE_LIFETIME_MS).toISOString(),
    ) as { id: string; user_id: number } | undefined;
  return row === undefined ? null : { id: row.id, userId: row.user_id };
}

export function touchDevice(db: Db, id: string, now: Date): void {
  db.prepare('UPDATE login_devices SET last_used_at = ? WHERE id = ?').run(now.toISOString(), id);
}

/** Forgets every browser of the account: after its password changes, none is known any more. */
export function deleteUserDevices(db: Db, userId: number): void {
  db.prepare('DELETE FROM login_devices WHERE user_id = ?').run(userId);
}

/** Forgets browsers that have not logged in for a year. */
export function deleteStaleDevices(db: Db, now: Date): void {
  db.prepare('DELETE FROM login_devices WHERE last_used_at <= ?').run(
    new Date(now.getTime() - DEVICE_LIFETIME_MS).toISOString(),
  );
}
