// One JSON log line per request, tagged with a request id; never personal data.
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { nodeResponseOf } from '../http/security-headers.ts';
import type { Logger } from './logger.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id from a proxy in front is kept when it is short and plain; anything else is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Path segments that follow these carry a secret (a one-time link's token). */
const SECRET_SEGMENT_AFTER = new Set(['invite', 'reset', 'token', 'tokens']);

const MAX_LOGGED_PATH = 200;

/** Paths that need loggablePath's work: a secret segment, or a control character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CLEANING = /(?:^|\/)(?:invite|reset|tokens?)\/[^/]|[\u0000-\u001f\u007f]/;

/**
 * The path as it may be logged: no query string (it may carry an email address), secrets in the
 * path replaced, control characters dropped and the length capped.
 */
export function loggablePath(path: string): string {
  // Most paths carry nothing to hide: skip the splitting.
  if (path.length <= MAX_LOGGED_PATH && !NEEDS_CLEANING.test(path)) return path;
  const segments = path.split('/');
  const safe = segments.map((segment, i) => {
    const previous = segments[i - 1];
    return previous !== undefined && SECRET_SEGMENT_AFTER.has(previous) && segment !== ''
      ? ':redacted'
      : segment;
  });
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const joined = safe.join('/').replace(/[\u0000-\u001f\u007f]/g, '');
  return joined.length > MAX_LOGGED_PATH ? `${joined.slice(0, MAX_LOGGED_PATH)}…` : joined;
}

export interface RequestLoggerOptions {
  log: Logger;
  /** Milliseconds since some fixed point; tests may pass a fake. */
  now?: () => number;
}

/**
 * Request ids of one process: a random prefix chosen at start-up and a counter, so ids from
 * different runs of the service do not collide. They only tie log lines to a request.
 */
export function createRequestIds(): () => string {
  const prefix = randomBytes(4).toString('hex');
  let count = 0;
  return () => `${prefix}-${(count += 1).toString(36)}`;
}

/**
 * Gives every request an id (kept from `X-Request-Id` when safe, else the next of this process's
 * ids), returns it in the `X-Request-Id` response header, and logs
 * `{level, time, msg:'request', requestId, method, path, status, ms}` when the response is ready.
 * Bodies, query strings, cookies and other headers are never logged.
 */
export function requestLogger({
  log,
  now = () => performance.now(),
}: RequestLoggerOptions): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const nextRequestId = createRequestIds();
  return async function logRequest(c, next) {
    const started = now();
    const offered = c.req.header(REQUEST_ID_HEADER);
    const requestId =
      offered !== undefined && SAFE_REQUEST_ID.test(offered) ? offered : nextRequestId();
    c.set('requestId', requestId);
    const outgoing = nodeResponseOf(c);
    if (outgoing !== null) {
      // Under Node, on Node's response: sent with any answer, errors included, at no cost to
      // the response the handler builds.
      outgoing.setHeader(REQUEST_ID_HEADER, requestId);
      await next();
    } else {
      c.header(REQUEST_ID_HEADER, requestId);
      await next();
      // Responses built outside the context (errors thrown with their own Response) get it here.
      if (c.res.headers.get(REQUEST_ID_HEADER) !== requestId)
        c.res.headers.set(REQUEST_ID_HEADER, requestId);
    }
    const status = c.res.status;
    const fields = {
      requestId,
      method: c.req.method,
      path: loggablePath(c.req.path),
      status,
      ms: Math.round((now() - started) * 10) / 10,
    };
    if (status >= 500) log.error('request', fields);
    else log.info('request', fields);
  };
}
