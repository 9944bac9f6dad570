// Password hashing with scrypt (node:crypto): per-password random salt, constant-time comparison.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function deriveKey(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem must exceed 128·N·r bytes (32 MiB at these settings), the default limit.
  const withMemory = { ...options, maxmem: 256 * (options.N ?? N) * (options.r ?? R) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, withMemory, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when the password matches the stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (n === undefined || r === undefined || p === undefined) return false;
  if (![n, r, p].every(Number.isSafeInteger) || expected.length !== KEY_LENGTH) return false;
  const key = await deriveKey(password, salt, { N: n, r, p });
  return timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for a login whose email is unknown or has no password
 * yet, so response times do not reveal which emails have accounts. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not a real password, only here to spend time');
  await verifyPassword(password, await dummyHash);
  return false;
}

/** How passwords are hashed and checked; the app is given one, so a test can count the checks. */
export interface PasswordHasher {
  hash: (password: string) => Promise<string>;
  verify: (password: string, stored: string) => Promise<boolean>;
}

export const SCRYPT_PASSWORDS: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/**
 * A password check for logging in: against the account's stored hash, or, for an unknown email
 * or an account with no password yet, against a dummy hash of the same cost (and then false).
 */
export function createPasswordCheck(hasher: PasswordHasher) {
  let dummy: Promise<string> | undefined;
  return async function checkPassword(password: string, stored: string | null): Promise<boolean> {
    if (stored !== null) return hasher.verify(password, stored);
    dummy ??= hasher.hash('not a real password, only here to spend time');
    await hasher.verify(password, await dummy);
    return false;
  };
}
