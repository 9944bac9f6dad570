import { describe, expect, it } from 'vitest';
import { acceptedCodings, matchingEtag, notModifiedSince } from './negotiate.ts';

describe('acceptedCodings', () => {
  it('parses Accept-Encoding with spaces, case and q-values', () => {
    expect(acceptedCodings(' GZIP ; q=0.8 , BR;q=0.9')).toEqual(['br', 'gzip', 'identity']);
    expect(acceptedCodings(undefined)).toEqual(['identity']);
    expect(acceptedCodings('identity;q=0, gzip')).toEqual(['gzip']);
  });

  it.each([
    ['', ['identity']],
    ['br, gzip', ['br', 'gzip', 'identity']],
    ['gzip, br', ['br', 'gzip', 'identity']],
    ['gzip;q=1, br;q=0.5', ['gzip', 'br', 'identity']],
    ['br;q=0, gzip', ['gzip', 'identity']],
    ['gzip;q=0, br;q=0', ['identity']],
    ['*', ['br', 'gzip', 'identity']],
    ['*;q=0', []],
    ['*;q=0.5, br;q=0', ['gzip', 'identity']],
    ['identity', ['identity']],
    ['deflate', ['identity']],
    // An unreadable q-value counts as none given.
    ['gzip;q=abc', ['gzip', 'identity']],
  ])('"%s" gives %j', (header, expected) => {
    expect(acceptedCodings(header)).toEqual(expected);
  });
});

describe('matchingEtag', () => {
  const etags = ['"t"', '"t-gzip"', '"t-br"'];

  it('finds whichever representation the client holds', () => {
    expect(matchingEtag('"t"', etags)).toBe('"t"');
    expect(matchingEtag('"t-br"', etags)).toBe('"t-br"');
    expect(matchingEtag('"old", "t-gzip"', etags)).toBe('"t-gzip"');
  });

  it('compares weakly: W/ is ignored', () => {
    expect(matchingEtag('W/"t-gzip"', etags)).toBe('"t-gzip"');
  });

  it('matches * with the first representation', () => {
    expect(matchingEtag('*', etags)).toBe('"t"');
    expect(matchingEtag('*', [])).toBeNull();
  });

  it('is null for tags of other versions, and for half a tag', () => {
    expect(matchingEtag('"s", "s-br"', etags)).toBeNull();
    expect(matchingEtag('t', etags)).toBeNull();
    expect(matchingEtag('', etags)).toBeNull();
  });
});

describe('notModifiedSince', () => {
  const lastModified = new Date('2026-11-23T10:00:00.750Z');

  it('is true at or after Last-Modified, to the second', () => {
    expect(notModifiedSince('Mon, 23 Nov 2026 10:00:00 GMT', lastModified)).toBe(true);
    expect(notModifiedSince('Tue, 24 Nov 2026 08:00:00 GMT', lastModified)).toBe(true);
  });

  it('is false before Last-Modified', () => {
    expect(notModifiedSince('Mon, 23 Nov 2026 09:59:59 GMT', lastModified)).toBe(false);
  });

  it('is false without the header, without a Last-Modified, or for a date it cannot read', () => {
    expect(notModifiedSince(undefined, lastModified)).toBe(false);
    expect(notModifiedSince('Mon, 23 Nov 2026 10:00:00 GMT', null)).toBe(false);
    expect(notModifiedSince('yesterday', lastModified)).toBe(false);
  });
});
