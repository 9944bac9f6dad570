// Answers that belong to one person or carry a secret are never kept by a browser or a proxy.
import type { Context, MiddlewareHandler } from 'hono';

/** Logging in and out, accounts, invite and reset links, the audit log, staff-only lists. */
const PRIVATE_PATHS = /^\/api\/(auth|users|audit|staff)(\/|$)/;

/** Reads; every other method is a staff write (or a login) whose answer is private. */
const READS = new Set(['GET', 'HEAD']);

/** Marks this request's answer `Cache-Control: no-store`, once it is made. */
export function markNoStore(c: Context): void {
  c.res.headers.set('Cache-Control', 'no-store');
}

/**
 * `Cache-Control: no-store` on every answer to a write (POST, PUT, PATCH, DELETE, errors
 * included) and on every answer under the private paths. The login guards mark what they let
 * through as well, so a guarded route added elsewhere is covered too.
 */
export function noStoreForPrivate(): MiddlewareHandler {
  return async function noStore(c, next) {
    // Public reads, most requests, pass straight through.
    if (READS.has(c.req.method) && !PRIVATE_PATHS.test(c.req.path)) return next();
    await next();
    markNoStore(c);
  };
}
