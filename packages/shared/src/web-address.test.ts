import { describe, expect, it } from 'vitest';
import { isWebAddress } from './web-address.ts';

describe('isWebAddress', () => {
  it.each([
    'https://example.org',
    'http://example.org/time-to-talk',
    'HTTPS://Example.org/cafe?a=1,2;b=3#menu',
    'https://xn--bcher-kva.example/',
  ])('takes %s', (value) => {
    expect(isWebAddress(value)).toBe(true);
  });

  it.each([
    '',
    'example.org',
    'www.example.org/page',
    'javascript:alert(1)',
    'JavaScript://example.org/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'WIFI:T:WPA;S:Free Wifi;P:secret;;',
    'mailto:someone@example.org',
    'tel:+441632960000',
    'ftp://example.org',
    'https://',
    'https:///path-only',
    'https://\\evil.example/',
    'https://exa mple.org',
    'https://example.org/\nSet-Cookie:x',
    'https://exam\tple.org',
    'https://example.org/\u2028',
    'https://www.example.org@evil.example/',
    'https://user:pass@example.org/',
    ' https://example.org',
  ])('refuses %j', (value) => {
    expect(isWebAddress(value)).toBe(false);
  });
});
