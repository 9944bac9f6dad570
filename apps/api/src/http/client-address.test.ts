import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustedProxySet } from './client-address.ts';

const none = trustedProxySet([]);
const proxy = trustedProxySet(['127.0.0.1']);
const twoProxies = trustedProxySet(['127.0.0.1', '10.0.0.5']);

describe('resolveClientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.9', none)).toBe('198.51.100.7');
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', none)).toBe('127.0.0.1');
  });

  it('reads X-Forwarded-For only when the peer is a trusted proxy', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9', proxy)).toBe('203.0.113.9');
    expect(resolveClientAddress('198.51.100.7', '203.0.113.9', proxy)).toBe('198.51.100.7');
    expect(resolveClientAddress('127.0.0.1', undefined, proxy)).toBe('127.0.0.1');
  });

  it('takes the rightmost hop that is not a trusted proxy, not what the client prepended', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; nginx appended the address it heard from.
    expect(resolveClientAddress('127.0.0.1', '1.1.1.1, 203.0.113.9', proxy)).toBe('203.0.113.9');
    expect(resolveClientAddress('127.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.5', twoProxies)).toBe(
      '203.0.113.9',
    );
  });

  it('stops at a hop that is not an address rather than believe what lies left of it', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.9, junk', proxy)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '', proxy)).toBe('127.0.0.1');
  });

  it('compares IPv4 peers on a dual-stack socket as IPv4, and drops ports from hops', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', '203.0.113.9:5123', proxy)).toBe('203.0.113.9');
    expect(
      resolveClientAddress('::ffff:127.0.0.1', '[2001:DB8::1]:443', trustedProxySet(['127.0.0.1'])),
    ).toBe('2001:db8::1');
  });

  it('says unknown when there is no peer at all', () => {
    expect(resolveClientAddress(undefined, '203.0.113.9', proxy)).toBe('unknown');
  });
});
