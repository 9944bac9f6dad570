import { describe, expect, it } from 'vitest';
import { feedPathOf, followPathOf, matchAppPage, matchPath } from './pages.ts';

describe('matchAppPage', () => {
  it('knows the kiosk, the public pages and every staff page', () => {
    const pages: Record<string, string> = {
      '/': 'kiosk',
      '/kiosk': 'kiosk',
      '/kiosk/': 'kiosk',
      '/sessions/12': 'session',
      '/sessions/12/': 'session',
      '/subscribe': 'subscribe',
      '/privacy': 'privacy',
      '/privacy/': 'privacy',
      '/suggest': 'suggest',
      '/staff/suggestions': 'staff',
      '/follow/all': 'follow',
      '/follow/ways/be-active': 'follow',
      '/follow/venues/warndon-hub': 'follow',
      '/follow/sessions/12': 'follow',
      '/staff': 'staff',
      '/staff/': 'staff',
      '/staff/password': 'staff',
      '/staff/login': 'staff',
      '/staff/sessions': 'staff',
      '/staff/sessions/new': 'staff',
      '/staff/sessions/3': 'staff',
      '/staff/groups/time-to-talk': 'staff',
      '/staff/admin/venues': 'staff',
      '/staff/admin/audit': 'staff',
      '/staff/invite/abc123': 'staff',
    };
    for (const [path, name] of Object.entries(pages)) {
      expect(matchAppPage(path)?.name, path).toBe(name);
    }
    expect(matchAppPage('/sessions/42')).toEqual({ name: 'session', id: '42' });
    expect(matchAppPage('/follow/groups/time-to-talk')).toEqual({
      name: 'follow',
      target: { kind: 'groups', key: 'time-to-talk' },
    });
  });

  it('opens nothing for any other address', () => {
    for (const path of [
      '/nonsense',
      '/kiosk/extra',
      '/sessions',
      '/sessions/abc',
      '/sessions/12x',
      '/sessions/12/more',
      '/subscribe/more',
      '/follow',
      '/follow/ways',
      '/follow/sessions/abc',
      '/follow/ways/Be Active',
      '/follow/planets/mars',
      '/follow/all/more',
      '/staff/nonsense',
      '/staff/admin',
      '/staff/sessions/3/edit',
      '/index.htm',
    ]) {
      expect(matchAppPage(path), path).toBeNull();
    }
  });
});

describe('matchPath', () => {
  it('gives the named segments, and takes any rest after /*', () => {
    expect(matchPath('/groups/:slug', '/groups/knit')).toEqual({ slug: 'knit' });
    expect(matchPath('/staff/*', '/staff/a/b')).toEqual({});
    expect(matchPath('/groups/:slug', '/groups/')).toBeNull();
    expect(matchPath('/groups/:slug', '/groups//')).toBeNull();
  });
});

describe('feedPathOf and followPathOf', () => {
  it('name a calendar feed and its follow page', () => {
    expect(feedPathOf({ kind: 'all' })).toBe('/feeds/all.ics');
    expect(feedPathOf({ kind: 'sessions', key: '12' })).toBe('/feeds/sessions/12.ics');
    expect(followPathOf({ kind: 'all' })).toBe('/follow/all');
    expect(followPathOf({ kind: 'ways', key: 'be-active' })).toBe('/follow/ways/be-active');
  });
});
