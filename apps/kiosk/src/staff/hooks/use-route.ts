// Sub-routes under /staff with the History API: pushState to move, popstate to follow Back.

import { useEffect, useState } from 'preact/hooks';

const ROUTE_EVENT = 'staff:navigate';

/** Goes to a path inside the site without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

export interface Route {
  path: string;
  query: URLSearchParams;
}

function currentRoute(): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  return { path, query: new URLSearchParams(location.search) };
}

/** The current path and query, updated on navigate() and on Back/Forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    window.addEventListener(ROUTE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(ROUTE_EVENT, update);
    };
  }, []);
  return route;
}

/** Matches '/staff/sessions/:id' against a path; returns the named parts or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      if (h === '') return null;
      params[w.slice(1)] = decodeURIComponent(h);
    } else if (w !== h) return null;
  }
  return params;
}
