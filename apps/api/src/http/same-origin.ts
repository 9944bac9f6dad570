import type { MiddlewareHandler } from 'hono';
import { errorEnvelope } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

/**
 * True when the request comes from a page of our own origin: the Origin header when sent, else
 * the browser's Sec-Fetch-Site, else the Referer's origin. A request carrying none is refused.
 */
export function isSameOrigin(headers: Headers, ownOrigin: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === ownOrigin;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite === 'same-origin';
  const referer = headers.get('referer');
  if (referer !== null) return originOf(referer) === ownOrigin;
  return false;
}

/** Refuses state-changing requests (POST, PUT, PATCH, DELETE) from any other origin with a 403. */
export function sameOrigin(publicUrl: string): MiddlewareHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return async function sameOriginCheck(c, next) {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    if (!isSameOrigin(c.req.raw.headers, ownOrigin)) {
      return c.json(
        errorEnvelope(
          'cross_origin',
          `This change must come from a page of ${ownOrigin}; requests from other sites are refused`,
        ),
        403,
      );
    }
    await next();
  };
}
