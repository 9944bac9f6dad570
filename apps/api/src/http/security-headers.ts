import { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The security headers on every response: only our own scripts, styles, images (and data:
 * images, such as QR codes), no framing, no powerful browser features; HSTS only when the
 * service is served over https. This is the whole policy.
 */
export function securityHeaderList(options: { https: boolean }): readonly [string, string][] {
  return [
    ['content-security-policy', CSP],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['x-frame-options', 'DENY'],
    ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['cross-origin-opener-policy', 'same-origin'],
    ...(options.https
      ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as [string, string]]
      : []),
  ];
}

/**
 * Node's response object for this request when served by @hono/node-server, else null (tests
 * call `app.request`, which has none).
 */
export function nodeResponseOf(c: Context): ServerResponse | null {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('outgoing' in env)) return null;
  return env.outgoing instanceof ServerResponse ? env.outgoing : null;
}

/**
 * Sets the security headers. Under Node they go on Node's response object before the handler
 * runs: Node sends them with whatever answer is written, errors included, and the response the
 * handler builds keeps its few plain headers (cheap to write) instead of growing a Headers object
 * per request. Elsewhere they are set on the response once it is built.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const list = securityHeaderList(options);
  return async function setSecurityHeaders(c, next) {
    const outgoing = nodeResponseOf(c);
    if (outgoing !== null) {
      for (const [name, value] of list) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of list) c.res.headers.set(name, value);
  };
}
