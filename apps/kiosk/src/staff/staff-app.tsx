// The staff area: who is logged in, the page layout, and the sub-routes under /staff.

import type { Me } from '@fiveways/shared';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from './components/link.tsx';
import { AuthContext, fetchMe, type Auth } from './hooks/use-auth.ts';
import { matchPath, navigate, useRoute } from './hooks/use-route.ts';
import { AreasPage } from './pages/areas-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { GroupEditorPage } from './pages/group-editor-page.tsx';
import { GroupsPage } from './pages/groups-page.tsx';
import { InvitePage } from './pages/invite-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PasswordPage } from './pages/password-page.tsx';
import { SessionEditorPage } from './pages/session-editor-page.tsx';
import { SessionsPage } from './pages/sessions-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { VenuesPage } from './pages/venues-page.tsx';
import { WeekPage } from './pages/week-page.tsx';
import { messageOf, post } from './staff-api.ts';
import './staff.css';

type AuthState =
  | { state: 'checking' }
  | { state: 'out' }
  | { state: 'in'; me: Me }
  | { state: 'error'; message: string };

const NAV = [
  { href: '/staff', label: 'This week', admin: false },
  { href: '/staff/sessions', label: 'Sessions', admin: false },
  { href: '/staff/groups', label: 'Groups', admin: false },
  { href: '/staff/admin/venues', label: 'Venues', admin: true },
  { href: '/staff/admin/areas', label: 'Areas', admin: true },
  { href: '/staff/admin/users', label: 'Users', admin: true },
  { href: '/staff/admin/audit', label: 'Audit log', admin: true },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === '/staff' ? path === '/staff' : path === href || path.startsWith(`${href}/`);
}

function LoggedInPage({ path }: { path: string }) {
  let m: Record<string, string> | null;
  if (path === '/staff') return <WeekPage />;
  if (path === '/staff/password') return <PasswordPage />;
  if (path === '/staff/sessions') return <SessionsPage />;
  if (path === '/staff/sessions/new') return <SessionEditorPage id={null} />;
  if ((m = matchPath('/staff/sessions/:id', path))) return <SessionEditorPage id={m.id ?? ''} />;
  if (path === '/staff/groups') return <GroupsPage />;
  if (path === '/staff/groups/new') return <GroupEditorPage slug={null} />;
  if ((m = matchPath('/staff/groups/:slug', path))) return <GroupEditorPage slug={m.slug ?? ''} />;
  if (path === '/staff/admin/venues') return <VenuesPage />;
  if (path === '/staff/admin/areas') return <AreasPage />;
  if (path === '/staff/admin/users') return <UsersPage />;
  if (path === '/staff/admin/audit') return <AuditPage />;
  return <NotFoundPage />;
}

function Header({ me, path, onLogOut }: { me: Me | null; path: string; onLogOut: () => void }) {
  return (
    <header class="staff-header">
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <div class="staff-header__bar">
        <p class="staff-header__name">
          Five Ways Worcester <span class="staff-header__area">Staff area</span>
        </p>
        {me ? (
          <div class="staff-header__user">
            <span>
              {me.name || me.email}
              {me.role === 'admin' ? ' (admin)' : ''}
            </span>
            <Link href="/staff/password" current={path === '/staff/password'}>
              Change password
            </Link>
            <button type="button" class="button button--secondary button--small" onClick={onLogOut}>
              Log out
            </button>
          </div>
        ) : null}
      </div>
      {me ? (
        <nav class="staff-nav" aria-label="Staff area">
          <ul>
            {NAV.filter((n) => !n.admin || me.role === 'admin').map((n) => (
              <li key={n.href}>
                <Link href={n.href} current={isCurrent(n.href, path)}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function StaffApp() {
  const route = useRoute();
  const [auth, setAuth] = useState<AuthState>({ state: 'checking' });

  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe();
      setAuth(me === null ? { state: 'out' } : { state: 'in', me });
    } catch (error) {
      setAuth({ state: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logOut = useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } finally {
      setAuth({ state: 'out' });
      navigate('/staff/login?loggedOut=1');
    }
  }, []);

  const context = useMemo<Auth | null>(
    () => (auth.state === 'in' ? { me: auth.me, refresh, logOut } : null),
    [auth, refresh, logOut],
  );

  const path = route.path;
  const invite = matchPath('/staff/invite/:token', path);
  const onLoginPage = path === '/staff/login';

  // Send people who are not logged in to the login page, and back again afterwards.
  useEffect(() => {
    if (auth.state === 'out' && !onLoginPage && invite === null) {
      navigate(`/staff/login?next=${encodeURIComponent(path + location.search)}`, {
        replace: true,
      });
    }
    if (auth.state === 'in' && onLoginPage) {
      navigate(safeNext(route.query.get('next')), { replace: true });
    }
  }, [auth.state, onLoginPage, invite, path, route.query]);

  let page;
  if (invite !== null) {
    page = <InvitePage token={invite.token ?? ''} />;
  } else if (auth.state === 'checking') {
    page = (
      <main id="main" class="staff-main">
        <p role="status">Loading…</p>
      </main>
    );
  } else if (auth.state === 'error') {
    page = (
      <main id="main" class="staff-main">
        <h1 tabIndex={-1}>The staff area could not load</h1>
        <p>{auth.message}</p>
        <button type="button" class="button" onClick={() => void refresh()}>
          Try again
        </button>
      </main>
    );
  } else if (auth.state === 'out' || onLoginPage) {
    page = (
      <LoginPage
        loggedOut={route.query.get('loggedOut') === '1'}
        onLoggedIn={async () => {
          await refresh();
        }}
      />
    );
  } else {
    page = <LoggedInPage path={path} />;
  }

  return (
    <AuthContext.Provider value={context}>
      <div class="staff">
        <Header
          me={auth.state === 'in' ? auth.me : null}
          path={path}
          onLogOut={() => void logOut()}
        />
        {page}
      </div>
    </AuthContext.Provider>
  );
}

/** Only paths inside the staff area count as a place to return to after logging in. */
function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/staff') || next.startsWith('/staff/login'))
    return '/staff';
  return next;
}
