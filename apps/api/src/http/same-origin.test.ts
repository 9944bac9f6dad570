import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin.ts';

const own = 'https://fiveways.example.org';
const check = (headers: Record<string, string>) => isSameOrigin(new Headers(headers), own);

describe('same-origin check', () => {
  it('accepts our own Origin and refuses any other', () => {
    expect(check({ origin: own })).toBe(true);
    expect(check({ origin: 'https://evil.example' })).toBe(false);
    expect(check({ origin: 'http://fiveways.example.org' })).toBe(false);
    expect(check({ origin: 'https://fiveways.example.org.evil.example' })).toBe(false);
    expect(check({ origin: 'null' })).toBe(false);
  });

  it('trusts Origin over the other headers when it is sent', () => {
    expect(check({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
  });

  it('falls back to Sec-Fetch-Site, then to the Referer', () => {
    expect(check({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(check({ 'sec-fetch-site': 'cross-site', referer: `${own}/staff` })).toBe(false);
    expect(check({ referer: `${own}/staff/sessions` })).toBe(true);
    expect(check({ referer: 'https://evil.example/page' })).toBe(false);
    expect(check({ referer: 'not a url' })).toBe(false);
  });

  it('refuses a request that says nothing about where it came from', () => {
    expect(check({})).toBe(false);
  });
});
