// @ts-check
// The kiosk's service worker. The build writes the precache list and version into dist/sw.js.
// Shell: cache first (a cold start with no network reaches Home). Directory data: network first
// with a ~3 s timeout, then the saved copy, marked with when it was fetched. Staff and sign-in
// requests are never cached. Plain JavaScript checked by tsc (tsconfig.sw.json) and eslint.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const SHELL_CACHE = `fiveways-shell-${VERSION}`;
const DATA_CACHE = 'fiveways-data-v1';
const DATA_TIMEOUT_MS = 3000;
const KIOSK_PAGES = new Set(['/', '/kiosk', '/kiosk/', '/index.html']);
const DATA_PATH = /^\/api\/(meta|ways|areas|venues|groups|sessions|occurrences)(\/|$)/;
const NEVER_CACHE = /^\/(api\/(auth|staff)|staff)(\/|$)/;

// The WebWorker types give `self` as any worker's scope; this check narrows it to ours.
if (!(self instanceof ServiceWorkerGlobalScope)) throw new Error('This script is a service worker');
/** @type {ServiceWorkerGlobalScope} */
const sw = self;

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('fiveways-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

// The page asks for this only while its attract screen shows, so updates never land mid-visit.
sw.addEventListener('message', (event) => {
  /** @type {unknown} */
  const data = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'skip-waiting') {
    void sw.skipWaiting();
  }
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || NEVER_CACHE.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    if (KIOSK_PAGES.has(url.pathname)) event.respondWith(shell());
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (DATA_PATH.test(url.pathname)) event.respondWith(networkFirst(request));
});

async function shell() {
  const cached = await caches.match('/index.html', { cacheName: SHELL_CACHE });
  return cached || fetch('/index.html');
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** @param {Request} request */
async function networkFirst(request) {
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('x-kiosk-fetched-at', new Date().toISOString());
      const copy = new Response(await response.clone().blob(), {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
      const cache = await caches.open(DATA_CACHE);
      await cache.put(request, copy);
    }
    return response;
  });
  /** @type {Promise<null>} */
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), DATA_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // No network: fall through to the saved copy.
  }
  const cached = await caches.match(request, { cacheName: DATA_CACHE });
  if (cached) return cached;
  return network;
}
