// The staff area: who is logged in, the page layout, and the pages under /staff.

import type { Me, Role } from '@fiveways/shared';
import { ROLE_LABELS } from '@fiveways/shared/labels';
import { STAFF_PAGE_PATHS as PAGES } from '@fiveways/shared/pages';
import { Route, Router, useLocation } from 'preact-iso/router';
import { ContactsPage } from './conversations/contacts-page.tsx';
import { ConversationsPage } from './conversations/conversations-page.tsx';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { messageOf, write } from '../common/api-client.ts';
import { Link } from './components/link.tsx';
import { AuthContext, fetchMe, useAuth, type Auth } from './hooks/use-auth.ts';
import { AreasPage } from './pages/areas-page.tsx';
import { OrganisationsPage } from './pages/organisations-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { ClosuresPage } from './pages/closures-page.tsx';
import { SchoolHolidaysPage } from './pages/school-holidays-page.tsx';
import { GroupEditorPage } from './pages/group-editor-page.tsx';
import { GroupsPage } from './pages/groups-page.tsx';
import { InsightsPage } from './pages/insights-page.tsx';
import { InvitePage } from './pages/invite-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PasswordPage } from './pages/password-page.tsx';
import { PrintPage } from './pages/print-page.tsx';
import { SessionEditorPage } from './pages/session-editor-page.tsx';
import { SessionsPage } from './pages/sessions-page.tsx';
import { SuggestionsPage } from './pages/suggestions-page.tsx';
import { SuggestionsCount } from './components/suggestions-count.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { VenuesPage } from './pages/venues-page.tsx';
import { WeekPage } from './pages/week-page.tsx';
import './staff.css';

type AuthState =
  | { state: 'checking' }
  | { state: 'out' }
  | { state: 'in'; me: Me }
  | { state: 'error'; message: string };

const STAFF: readonly Role[] = ['admin', 'staff'];
const ADMIN: readonly Role[] = ['admin'];

/** Each page and who it is for: a Community Champion sees only what they can use. */
export const NAV: readonly { href: string; label: string; roles: readonly Role[] }[] = [
  { href: '/staff', label: 'This week', roles: STAFF },
  { href: '/staff/conversations', label: 'Conversations', roles: ['champion', 'admin'] },
  { href: '/staff/sessions', label: 'Sessions', roles: ['admin', 'staff', 'champion'] },
  { href: '/staff/groups', label: 'Groups', roles: ['admin', 'staff', 'champion'] },
  { href: '/staff/closures', label: 'Closures', roles: STAFF },
  { href: '/staff/print', label: 'Print', roles: STAFF },
  { href: '/staff/insights', label: 'Insights', roles: STAFF },
  { href: '/staff/suggestions', label: 'Suggestions', roles: ['admin', 'staff'] },
  { href: '/staff/admin/venues', label: 'Venues', roles: ADMIN },
  { href: '/staff/admin/areas', label: 'Areas', roles: ADMIN },
  { href: '/staff/admin/organisations', label: 'Organisations', roles: ADMIN },
  { href: '/staff/admin/users', label: 'Users', roles: ADMIN },
  { href: '/staff/admin/audit', label: 'Audit log', roles: ADMIN },
  { href: '/staff/admin/school-holidays', label: 'School holidays', roles: ADMIN },
  { href: '/staff/admin/contacts', label: 'Residents’ contacts', roles: ADMIN },
];

/** A Community Champion's home is the conversation log; everyone else's is the week. */
function HomePage() {
  const { me } = useAuth();
  const { route } = useLocation();
  const champion = me.role === 'champion';
  useEffect(() => {
    if (champion) route('/staff/conversations', true);
  }, [champion, route]);
  return champion ? null : <WeekPage />;
}

function isCurrent(href: string, path: string): boolean {
  return href === '/staff' ? path === '/staff' : path === href || path.startsWith(`${href}/`);
}

/**
 * The pages under /staff, by the rest of the path (shared/pages.ts, which the server answers 404
 * outside of); the invite page needs no login, and the login page is drawn by StaffApp.
 */
function StaffPages() {
  return (
    <Router>
      <Route path={PAGES.week} component={HomePage} />
      <Route path={PAGES.conversations} component={ConversationsPage} />
      <Route path={PAGES.contacts} component={ContactsPage} />
      <Route path={PAGES.password} component={PasswordPage} />
      <Route path={PAGES.sessions} component={SessionsPage} />
      <Route path={PAGES.newSession} component={SessionEditorPage} id={null} />
      <Route path={PAGES.session} component={SessionEditorPage} />
      <Route path={PAGES.groups} component={GroupsPage} />
      <Route path={PAGES.newGroup} component={GroupEditorPage} slug={null} />
      <Route path={PAGES.group} component={GroupEditorPage} />
      <Route path={PAGES.venues} component={VenuesPage} />
      <Route path={PAGES.areas} component={AreasPage} />
      <Route path={PAGES.organisations} component={OrganisationsPage} />
      <Route path={PAGES.users} component={UsersPage} />
      <Route path={PAGES.audit} component={AuditPage} />
      <Route path={PAGES.closures} component={ClosuresPage} />
      <Route path={PAGES.schoolHolidays} component={SchoolHolidaysPage} />
      <Route path={PAGES.print} component={PrintPage} />
      <Route path={PAGES.insights} component={InsightsPage} />
      <Route path={PAGES.suggestions} component={SuggestionsPage} />
      <Route path={PAGES.invite} component={InvitePage} />
      <Route default component={NotFoundPage} />
    </Router>
  );
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
              {me.role === 'champion' ? ` (${ROLE_LABELS.champion})` : ''}
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
            {NAV.filter((n) => n.roles.includes(me.role)).map((n) => (
              <li key={n.href}>
                <Link href={n.href} current={isCurrent(n.href, path)}>
                  {n.label}
                  {n.href === '/staff/suggestions' ? <SuggestionsCount path={path} /> : null}
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
  const { url, path, query, route } = useLocation();
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
      await write('POST', '/api/auth/logout', {});
    } finally {
      setAuth({ state: 'out' });
      route('/staff/login?loggedOut=1');
    }
  }, [route]);

  const context = useMemo<Auth | null>(
    () => (auth.state === 'in' ? { me: auth.me, refresh, logOut } : null),
    [auth, refresh, logOut],
  );

  const onLoginPage = path === '/staff/login';
  const onInvitePage = path.startsWith('/staff/invite/');
  const next = query.next ?? null;

  // Send people who are not logged in to the login page, and back again afterwards.
  useEffect(() => {
    if (auth.state === 'out' && !onLoginPage && !onInvitePage) {
      route(`/staff/login?next=${encodeURIComponent(url)}`, true);
    }
    if (auth.state === 'in' && onLoginPage) route(safeNext(next), true);
  }, [auth.state, onLoginPage, onInvitePage, url, next, route]);

  let page;
  if (onInvitePage || (auth.state === 'in' && !onLoginPage)) {
    page = <StaffPages />;
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
  } else {
    page = <LoginPage loggedOut={query.loggedOut === '1'} onLoggedIn={refresh} />;
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
