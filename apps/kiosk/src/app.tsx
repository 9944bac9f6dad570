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
const StaffApp = lazyPage(() => import('./staff/staff-app.tsx').then((m) => m.StaffApp));

/**
 * The one router: public pages and the staff area by path, the kiosk everywhere else (its own
 * screens are an in-memory stack, never addresses). Only staff links are followed without a page
 * load; a public page opens afresh, as it would from a QR code or a calendar.
 */
export function App() {
  return (
    <LocationProvider scope="/staff">
      <Router>
        {/* Any id opens the session page, which says kindly when it does not exist. */}
        <Route path="/sessions/:id" component={SessionPage} />
        <Route path="/subscribe" component={SubscribePage} />
        <Route path="/staff" component={StaffApp} />
        <Route path="/staff/*" component={StaffApp} />
        <Route default component={KioskApp} />
      </Router>
    </LocationProvider>
  );
}
