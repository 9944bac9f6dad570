import { describe, expect, it } from 'vitest';
import { matchAppPage, matchPath } from './pages.ts';

describe('matchAppPage', () => {
  it('knows the kiosk, the public pages and every staff page', () => {
    const pages: Record<string, string> = {
      '/': 'kiosk',
      '/kiosk': 'kiosk',
      '/kiosk/': 'kiosk',
      '/sessions/12': 'session',
      '/sessions/12/': 'session',
      '/subscribe': 'subscribe',
      '/follow': 'follow',
      '/staff': 'staff',
      '/staff/': 'staff',
      '/staff/password': 'staff',
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
