import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

const POLICY = {
  'content-security-policy': [
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
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
};

async function headersOf(https: boolean): Promise<Record<string, string>> {
  const app = new Hono()
    .use(securityHeaders({ https }))
    .get('/', (c) => c.text('hello', 200, { 'x-own': 'kept' }));
  const res = await app.request('/');
  return Object.fromEntries(res.headers.entries());
}

describe('securityHeaders', () => {
  it('sets exactly the policy, and nothing else, over http', async () => {
    expect(await headersOf(false)).toEqual({
      ...POLICY,
      'content-type': 'text/plain; charset=UTF-8',
      'x-own': 'kept',
    });
  });

  it('adds HSTS for a year, subdomains included, over https', async () => {
    expect(await headersOf(true)).toEqual({
      ...POLICY,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'content-type': 'text/plain; charset=UTF-8',
      'x-own': 'kept',
    });
  });
});
