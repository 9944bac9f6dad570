import { describe, expect, it } from 'vitest';
import { matchAppPage } from './pages.ts';
import {
  parseShortLink,
  shortLinkPagePath,
  shortLinkPathOf,
  shortLinkTargetKey,
  shortLinkUrlOf,
  SHORT_LINK_PATHS,
  writtenShortLink,
  type ShortLinkTarget,
} from './short-links.ts';

const TARGETS: ShortLinkTarget[] = [
  { kind: 'all' },
  { kind: 'way', key: 'be-active' },
  { kind: 'venue', key: 'gorse-hill-hub' },
  { kind: 'area', key: 'warndon' },
  { kind: 'group', key: 'knit-and-natter' },
  { kind: 'session', key: '12' },
];

describe('short addresses', () => {
  it('are built short, with a one-letter source code', () => {
    expect(TARGETS.map((t) => shortLinkPathOf(t, 'poster'))).toEqual([
      '/all/p',
      '/w/be-active/p',
      '/h/gorse-hill-hub/p',
      '/a/warndon/p',
      '/g/knit-and-natter/p',
      '/s/12/p',
    ]);
    expect(shortLinkPathOf({ kind: 'way', key: 'give' })).toBe('/w/give');
    expect(
      shortLinkUrlOf('https://fiveways.example.org/', TARGETS[1] ?? { kind: 'all' }, 'flyer'),
    ).toBe('https://fiveways.example.org/w/be-active/f');
    expect(writtenShortLink('https://fiveways.example.org/w/give/s')).toBe(
      'fiveways.example.org/w/give/s',
    );
  });

  it('read back what they were built from, for every target and source', () => {
    for (const target of TARGETS) {
      for (const [source, code] of [
        ['poster', 'p'],
        ['flyer', 'f'],
        ['sheet', 's'],
        ['kiosk', 'k'],
        ['feed', 'c'],
        ['web', 'w'],
      ] as const) {
        const path = shortLinkPathOf(target, source);
        expect(path.endsWith(`/${code}`)).toBe(true);
        expect(parseShortLink(path)).toEqual({ target, source });
      }
    }
  });

  it('are read whatever the case, with or without a trailing slash', () => {
    expect(parseShortLink('/W/Be-Active/P')).toEqual({
      target: { kind: 'way', key: 'be-active' },
      source: 'poster',
    });
    expect(parseShortLink('/ALL/')).toEqual({ target: { kind: 'all' }, source: 'unknown' });
    expect(parseShortLink('/h/Gorse-Hill-Hub/')?.target).toEqual({
      kind: 'venue',
      key: 'gorse-hill-hub',
    });
  });

  it("count a missing or unknown source code as 'unknown'", () => {
    expect(parseShortLink('/w/give')?.source).toBe('unknown');
    expect(parseShortLink('/w/give/x')?.source).toBe('unknown');
    expect(parseShortLink('/w/give/poster2')?.source).toBe('unknown');
  });

  it.each([
    '/',
    '/w',
    '/w/',
    '/w/not-a-way',
    '/w/be-active/p/extra',
    '/x/be-active',
    '/s/abc',
    '/s/0',
    '/s/1234567890123',
    '/h/../../etc/passwd',
    '/h/%2e%2e',
    '/g/knit_and_natter',
    '/g/-knit',
    '/g/knit--natter',
    '/g/knit/p%00',
    '/a/warndon/p;drop',
    `/g/${'a'.repeat(300)}`,
    '/all/p/x',
    '/w//p',
  ])('%s is no short address', (path) => {
    expect(parseShortLink(path)).toBeNull();
  });

  it('count visits by the target names the visit table uses', () => {
    expect(TARGETS.map(shortLinkTargetKey)).toEqual([
      'all',
      'way:be-active',
      'venue:gorse-hill-hub',
      'area:warndon',
      'group:knit-and-natter',
      'session:12',
    ]);
  });

  it("lead to a phone page the app draws: the follow page, or the session's page", () => {
    const pages = TARGETS.map(shortLinkPagePath);
    expect(pages).toEqual([
      '/follow/all',
      '/follow/ways/be-active',
      '/follow/venues/gorse-hill-hub',
      '/follow/areas/warndon',
      '/follow/groups/knit-and-natter',
      '/sessions/12',
    ]);
    for (const page of pages) expect(matchAppPage(page)).not.toBeNull();
  });

  it("are none of the app's own pages, so the two never answer for the same address", () => {
    for (const pattern of SHORT_LINK_PATHS) {
      const path = pattern.replace(':key', 'be-active').replace(':source', 'p');
      expect(matchAppPage(path), path).toBeNull();
    }
  });
});
