import { createHash, randomBytes } from 'node:crypto';
import { roleFrom, type Role, type User } from '@fiveways/shared';
import type { Db } from '../db/open-db.ts';

/** The logged-in person, as routes see them. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  venues: string[];
}

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export interface UserWithHash extends StaffUser {
  passwordHash: string | null;
  disabled: boolean;
}

const USER_COLUMNS = 'id, email, name, role, password_hash, disabled, created_at';

export function listUserVenues(db: Db, userId: number): string[] {
  const rows = db
    .prepare('SELECT venue_slug FROM user_venues WHERE user_id = ? ORDER BY venue_slug')
    .all(userId) as { venue_slug: string }[];
  return rows.map((r) => r.venue_slug);
}

function rowToUser(db: Db, row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleFrom(row.role),
    venues: listUserVenues(db, row.id),
    disabled: row.disabled === 1,
    passwordSet: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

export function findUserByEmail(db: Db, email: string): UserWithHash | null {
  const row = db
    .prepare(`SELECT ${USER_COLUMNS} FROM users WHERE email = ? COLLATE NOCASE`)
    .get(email.trim()) as UserRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleFrom(row.role),
    venues: listUserVenues(db, row.id),
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
  };
}

/** The account as it now is, when it still exists and is not disabled: who may write. */
export function findActiveStaff(db: Db, id: number): StaffUser | null {
  const row = db
    .prepare('SELECT id, email, name, role FROM users WHERE id = ? AND disabled = 0')
    .get(id) as Pick<UserRow, 'id' | 'email' | 'name' | 'role'> | undefined;
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleFrom(row.role),
    venues: listUserVenues(db, row.id),
  };
}

export function getUser(db: Db, id: number): User | null {
  const row = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as
    UserRow | undefined;
  return row ? rowToUser(db, row) : null;
}

export function getPasswordHash(db: Db, id: number): string | null {
  const row = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as
    { password_hash: string | null } | undefined;
  return row?.password_hash ?? null;
}

export function listUsers(db: Db): User[] {
  const rows = db
    .prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY email COLLATE NOCASE`)
    .all() as UserRow[];
  return rows.map((row) => rowToUser(db, row));
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function emailTaken(db: Db, email: string, exceptId: number | null = null): boolean {
  return (
    db
      .prepare('SELECT 1 FROM users WHERE email = ? COLLATE NOCASE AND id IS NOT ?')
      .get(email, exceptId) !== undefined
  );
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  venues: readonly string[];
  passwordHash: string | null;
}

export function insertUser(db: Db, user: NewUser, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO users (email, name, role, password_hash, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      user.email,
      user.name,
      user.role,
      user.passwordHash,
      now,
      user.passwordHash === null ? null : now,
    );
  const id = Number(result.lastInsertRowid);
  setUserVenues(db, id, user.venues);
  return id;
}

export function setUserVenues(db: Db, userId: number, venues: readonly string[]): void {
  db.prepare('DELETE FROM user_venues WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_venues (user_id, venue_slug) VALUES (?, ?)');
  for (const venue of venues) insert.run(userId, venue);
}

export function updateUser(
  db: Db,
  id: number,
  change: { name: string; role: Role; disabled: boolean },
): void {
  db.prepare('UPDATE users SET name = ?, role = ?, disabled = ? WHERE id = ?').run(
    change.name,
    change.role,
    change.disabled ? 1 : 0,
    id,
  );
}

/** Sets a new password; any reset or invite link still unused stops working with the old one. */
export function setPasswordHash(db: Db, id: number, passwordHash: string, now: string): void {
  db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
    passwordHash,
    now,
    id,
  );
  db.prepare('DELETE FROM user_tokens WHERE user_id = ? AND used_at IS NULL').run(id);
}

export function countActiveAdmins(db: Db): number {
  return (
    db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as {
      n: number;
    }
  ).n;
}

// One-time invite and reset links.

export type TokenPurpose = 'invite' | 'reset';
const TOKEN_LIFETIME_MS = 72 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Issues a fresh link token for the user; any earlier unused link of theirs stops working. */
export function createUserToken(
  db: Db,
  userId: number,
  purpose: TokenPurpose,
  now: Date,
): { token: string; expiresAt: string } {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString();
  db.prepare('DELETE FROM user_tokens WHERE user_id = ? AND used_at IS NULL').run(userId);
  db.prepare(
    'INSERT INTO user_tokens (id, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(hashToken(token), userId, purpose, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

export interface TokenOwner {
  userId: number;
  email: string;
  name: string;
  purpose: TokenPurpose;
}

/** The account a link belongs to, when the link is unused, unexpired and the account enabled. */
export function findUsableToken(db: Db, token: string, now: Date): TokenOwner | null {
  const row = db
    .prepare(
      `SELECT t.user_id, t.purpose, t.expires_at, u.email, u.name FROM user_tokens t
       JOIN users u ON u.id = t.user_id
       WHERE t.id = ? AND t.used_at IS NULL AND u.disabled = 0`,
    )
    .get(hashToken(token)) as
    | { user_id: number; purpose: string; expires_at: string; email: string; name: string }
    | undefined;
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return null;
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    purpose: row.purpose === 'reset' ? 'reset' : 'invite',
  };
}

/** Marks the link used; false when it was already used (a second, racing use). */
export function markTokenUsed(db: Db, token: string, now: Date): boolean {
  const result = db
    .prepare('UPDATE user_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL')
    .run(now.toISOString(), hashToken(token));
  return result.changes === 1;
}
