// How long the HTTP server waits for a client: short deadlines, so a slow or stalled client (a
// request sent over minutes, headers trickled byte by byte) cannot hold a request open for long.
import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface Deadlines {
  /** The whole request, body included. The largest staff form is a few KiB. */
  requestTimeoutMs: number;
  /** The headers alone (slowloris); must not exceed the request's deadline. */
  headersTimeoutMs: number;
  /** How often Node looks for requests past their deadline (its default is 30 s). */
  checkEveryMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  checkEveryMs: 1_000,
};

/** Options for node:http's createServer (given to @hono/node-server's `serve`). */
export function serverOptions(deadlines: Deadlines = DEFAULT_DEADLINES): ServerOptions {
  return {
    requestTimeout: deadlines.requestTimeoutMs,
    headersTimeout: Math.min(deadlines.headersTimeoutMs, deadlines.requestTimeoutMs),
    connectionsCheckingInterval: deadlines.checkEveryMs,
  };
}

/**
 * The HTTP server the service runs: the app on `port` (0: any free one), with the deadlines.
 * `onListening` hears the port once it is open.
 */
export function startServer(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
  onListening: (info: AddressInfo) => void = () => undefined,
  deadlines: Deadlines = DEFAULT_DEADLINES,
): ServerType {
  return serve({ fetch, port, serverOptions: serverOptions(deadlines) }, onListening);
}
