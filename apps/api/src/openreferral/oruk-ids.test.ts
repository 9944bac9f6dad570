import { describe, expect, it } from 'vitest';
import { orukId, uuidV5 } from './oruk-ids.ts';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('orukId', () => {
  it('is the same for the same record and differs between kinds and keys', () => {
    expect(orukId('service', 'group', 'time-to-talk')).toBe(
      orukId('service', 'group', 'time-to-talk'),
    );
    expect(orukId('service', 'group', 'a')).not.toBe(orukId('location', 'group', 'a'));
    expect(orukId('service', 'session', 1)).not.toBe(orukId('service', 'session', 11));
    expect(orukId('organization', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
