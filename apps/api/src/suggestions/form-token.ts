// The public form's time check without a third-party CAPTCHA: the form is given a token that
// says, signed with a server secret, when it was shown. A suggestion sent too soon after (a
// script) or long after (a stale or harvested token) is refused kindly; an accepted token's
// nonce is kept with the suggestion, so the same form cannot be sent twice.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open-db.ts';
import { readMeta } from '../meta/meta.queries.ts';

/** Faster than this from showing the form to sending it is not a person typing. */
export const FORM_MIN_AGE_MS = 3_000;
/** A form left open longer than this must be reloaded. */
export const FORM_MAX_AGE_MS = 2 * 60 * 60 * 1000;

const SECRET_KEY = 'suggestion_form_secret';

export interface FormToken {
  token: string;
  issuedAt: string;
}

export type TokenCheck =
  { ok: true; nonce: string } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' };

/**
 * The secret tokens are signed with: FORM_SECRET when set, else one made at random the first
 * time and kept in the database, so forms open across a restart still send.
 */
export function formSecretOf(db: Db, configured: string | null): () => Buffer {
  let secret: Buffer | null = configured === null ? null : Buffer.from(configured, 'utf8');
  return () => {
    if (secret !== null) return secret;
    let stored = readMeta(db, SECRET_KEY);
    if (stored === null) {
      stored = randomBytes(32).toString('base64url');
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(SECRET_KEY, stored);
      stored = readMeta(db, SECRET_KEY) ?? stored;
    }
    secret = Buffer.from(stored, 'utf8');
    return secret;
  };
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A token for a form shown at `now`: `<ms>.<nonce>.<signature>`. */
export function issueFormToken(secret: Buffer, now: Date): FormToken {
  const payload = `${now.getTime()}.${randomBytes(12).toString('base64url')}`;
  return { token: `${payload}.${sign(secret, payload)}`, issuedAt: now.toISOString() };
}

/** Whether a token is ours, and sent between 3 seconds and 2 hours after its form was shown. */
export function checkFormToken(secret: Buffer, token: string, now: Date): TokenCheck {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (match === null) return { ok: false, reason: 'invalid' };
  const [, ms = '', nonce = '', signature = ''] = match;
  const expected = Buffer.from(sign(secret, `${ms}.${nonce}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' };
  }
  const age = now.getTime() - Number(ms);
  if (age < FORM_MIN_AGE_MS) return { ok: false, reason: 'too-fast' };
  if (age > FORM_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}
