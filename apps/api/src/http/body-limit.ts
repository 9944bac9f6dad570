// Refuses request bodies over a size limit with the JSON error envelope (413).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bodyBrokenOff, errorEnvelope } from './errors.ts';

/** 64 KiB: the largest staff form (a group or session with long texts) is a few KiB. */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Methods that carry no body: let them through without touching the request stream. */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function limitBodySize({
  maxBytes = DEFAULT_MAX_BODY_BYTES,
}: { maxBytes?: number } = {}): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        errorEnvelope(
          'payload_too_large',
          `The request body is too large: send at most ${Math.floor(maxBytes / 1024)} KiB`,
          [{ path: 'body', message: `must be at most ${maxBytes} bytes` }],
        ),
        413,
      ),
  });
  return async function limitBody(c, next) {
    // Reading `c.req.raw.body` makes the Node adapter build a full Request, slowing every read.
    if (BODILESS.has(c.req.method)) return next();
    // A body without a length is read here, before the route: if the client breaks it off, that
    // is their 400, not our 500. Failures past this point belong to the route.
    let read = false;
    try {
      return await limit(c, async () => {
        read = true;
        await next();
      });
    } catch (error) {
      if (read) throw error;
      throw bodyBrokenOff();
    }
  };
}
