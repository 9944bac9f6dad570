import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { KioskApp } from './kiosk/kiosk-app.tsx';

/** Loads a page's code only when its address is opened, keeping the kiosk's first download small. */
function Lazy<P extends object>({
  load,
  props,
}: {
  load: () => Promise<ComponentType<P>>;
  props: P;
}) {
  const [Page, setPage] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load()
      .then((c) => setPage(() => c))
      .catch((error: unknown) => {
        console.error('Page failed to load', error);
        setFailed(true);
      });
  }, [load]);
  if (failed) return <main>Sorry, this page could not be loaded. Please try again.</main>;
  return Page ? <Page {...props} /> : null;
}

// Any id goes to the session page, which shows its own not-found state for one that does not exist.
const SESSION_PATH = /^\/sessions\/([^/]+)\/?$/;

/** The one router: kiosk at / and /kiosk, public pages, and the staff area, by path. */
export function App({ path = location.pathname }: { path?: string }) {
  const session = SESSION_PATH.exec(path);
  if (session) {
    const id = session[1] ?? '';
    return <Lazy load={loadSession} props={{ id }} />;
  }
  if (path === '/subscribe' || path === '/subscribe/') {
    return <Lazy load={loadSubscribe} props={{}} />;
  }
  if (path === '/staff' || path.startsWith('/staff/')) {
    return <Lazy load={loadStaff} props={{}} />;
  }
  return <KioskApp />;
}

const loadSession = () => import('./public/pages/session-page.tsx').then((m) => m.SessionPage);
const loadSubscribe = () =>
  import('./public/pages/subscribe-page.tsx').then((m) => m.SubscribePage);
const loadStaff = () => import('./staff/staff-app.tsx').then((m) => m.StaffApp);
