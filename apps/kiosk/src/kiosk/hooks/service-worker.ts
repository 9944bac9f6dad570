// App updates: a new service worker waits, and is let in only while the attract screen shows.

let registration: ServiceWorkerRegistration | null = null;
let reloading = false;
let allowReload = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((r: ServiceWorkerRegistration | undefined) => {
      // Some managed browsers answer without a registration; then there is nothing to update.
      if (!r) return;
      registration = r;
      setInterval(() => void r.update().catch(() => undefined), 15 * 60_000);
    })
    .catch((error: unknown) => console.warn('Service worker not registered', error));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control silently; only a swap we asked for reloads.
    if (allowReload && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}

/** Called when the attract screen shows: swaps in a waiting update (the page reloads). */
export function applyWaitingUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting || !navigator.serviceWorker.controller) return;
  allowReload = true;
  waiting.postMessage({ type: 'skip-waiting' });
}
