import { describe, expect, it } from 'vitest';
import { websiteQrValue } from './website-qr.ts';

describe('websiteQrValue', () => {
  it('encodes an http(s) website', () => {
    expect(websiteQrValue('https://example.org/time-to-talk')).toBe(
      'https://example.org/time-to-talk',
    );
    expect(websiteQrValue(' http://example.org ')).toBe('http://example.org');
  });

  it('never encodes another scheme, a Wi-Fi join code or text that is not an address', () => {
    for (const website of [
      '',
      'javascript:alert(1)',
      'WIFI:T:WPA;S:Free Wifi;P:secret;;',
      'data:text/html,<b>hi</b>',
      'smsto:+441632960000:hello',
      'www.example.org',
      'Ask at the front desk',
    ]) {
      expect(websiteQrValue(website), website).toBeNull();
    }
  });
});
