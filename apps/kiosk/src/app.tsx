import { PAGE_PATHS } from '@fiveways/shared/pages';
import type { ComponentType } from 'preact';
import lazy from 'preact-iso/lazy';
import { LocationProvider, Route, Router } from 'preact-iso/router';
import { KioskApp } from './kiosk/kiosk-app.tsx';

function PageLoadFailed() {
  return <main>Sorry, this page could not be loaded. Please try again.</main>;
}

/** Loads a page's code only when its address is opened, keeping the kiosk's first download small. */
function lazyPage<P>(load: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    load().catch((error: unknown): ComponentType<P> => {
      console.error('Page failed to load', error);
      return PageLoadFailed;
    }),
  );
}

const SessionPage = lazyPage(() =>
  import('./public/pages/session-page.tsx').then((m) => m.SessionPage),
);
const SubscribePage = lazyPage(() =>
  import('./public/pages/subscribe-page.tsx').then((m) => m.SubscribePage),
);
const FollowPage = lazyPage(() =>
  import('./public/pages/follow-page.tsx').then((m) => m.FollowPage),
);
const PrivacyPage = lazyPage(() =>
  import('./public/pages/privacy-page.tsx').then((m) => m.PrivacyPage),
);
const SuggestPage = lazyPage(() =>
  import('./public/pages/suggest-page.tsx').then((m) => m.SuggestPage),
);
const NotFoundPage = lazyPage(() =>
  import('./public/pages/not-found-page.tsx').then((m) => m.NotFoundPage),
);
const StaffApp = lazyPage(() => import('./staff/staff-app.tsx').then((m) => m.StaffApp));

/**
 * The one router, by the addresses in shared/pages.ts (the server answers 404 for any other): the
 * kiosk (its own screens are an in-memory stack, never addresses), the phone pages, the staff
 * area, and a not-found page. Only staff links are followed without a page load; a phone page
 * opens afresh, as it would from a QR code or a calendar.
 */
export function App() {
  return (
    <LocationProvider scope="/staff">
      <Router>
        <Route path={PAGE_PATHS.kiosk} component={KioskApp} />
        <Route path={PAGE_PATHS.kioskNamed} component={KioskApp} />
        {/* Any id opens the session page, which says kindly when it does not exist. */}
        <Route path={PAGE_PATHS.session} component={SessionPage} />
        <Route path={PAGE_PATHS.subscribe} component={SubscribePage} />
        <Route path={PAGE_PATHS.followAll} component={FollowPage} />
        <Route path={PAGE_PATHS.follow} component={FollowPage} />
        <Route path={PAGE_PATHS.privacy} component={PrivacyPage} />
        <Route path={PAGE_PATHS.suggest} component={SuggestPage} />
        <Route path={PAGE_PATHS.staff} component={StaffApp} />
        <Route path={PAGE_PATHS.staffPages} component={StaffApp} />
        <Route default component={NotFoundPage} />
      </Router>
    </LocationProvider>
  );
}
