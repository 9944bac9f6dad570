// Who is on the other end of a request: the socket's peer, or, when that peer is a proxy we were
// told to trust, the client that proxy says it forwarded for.
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) is `192.0.2.1`. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/** One X-Forwarded-For entry as an address: `[2001:db8::1]:443` and `192.0.2.1:80` lose the port. */
function forwardedAddress(entry: string): string | null {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed);
  const address = bracketed?.[1] ?? withPort?.[1] ?? trimmed;
  return isIP(address) === 0 ? null : plainAddress(address);
}

/**
 * The client's address. X-Forwarded-For is read only when the socket's peer is a trusted proxy,
 * and then from the right: each trusted proxy appends the address it heard from, so the first
 * entry from the right that is not a trusted proxy is the client; everything left of it is
 * whatever the client chose to send. With no trusted proxy the peer is the client.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string {
  if (peer === undefined || peer === '') return 'unknown';
  let client = plainAddress(peer);
  if (!trustedProxies.has(client) || forwardedFor === undefined) return client;
  const hops = forwardedFor.split(',').reverse();
  for (const hop of hops) {
    const address = forwardedAddress(hop);
    // A hop that is not an address was not written by a proxy we trust: stop at the last one.
    if (address === null) return client;
    client = address;
    if (!trustedProxies.has(address)) return client;
  }
  return client;
}

/** A set of trusted proxy addresses in the form the peer's address is compared in. */
export function trustedProxySet(addresses: readonly string[]): ReadonlySet<string> {
  return new Set(addresses.map(plainAddress));
}

/** The socket's peer, or undefined outside the Node server (as in some tests). */
function peerOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The request's client address, as resolveClientAddress says. */
export function clientAddressOf(c: Context, trustedProxies: ReadonlySet<string>): string {
  return resolveClientAddress(peerOf(c), c.req.header('x-forwarded-for'), trustedProxies);
}
