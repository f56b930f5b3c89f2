// The service worker: keeps the app shell, the wave and the instrument on
// the tablet, so a survey started online can be finished (and queued)
// offline. Answers are not its business: the app keeps those itself and
// sends them when it can, because iPads have no Background Sync.
// A module (see the export below), so this `self` is the service worker's own type.
declare const self: ServiceWorkerGlobalScope;
/** Replaced at build time (web/vite.config.ts) by the list of built files. */
declare const __PRECACHE__: string[];

const PRECACHE = __PRECACHE__;
const PREFIX = 'hearme-survey-';
// A new build lists new hashed files, so it gets a new cache and the old one is dropped.
const CACHE = PREFIX + hash(PRECACHE.join('|'));
const SHELL = '/survey/index.html';

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([SHELL, ...PRECACHE]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Network first, so a changed wave (closed, renamed) is seen; the cached copy when offline. */
async function networkFirst(request: Request, fallback?: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !fallback) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallback ?? request);
    if (cached) return cached;
    throw error;
  }
}

/** Built files have a hash in their name and never change: the cache is enough. */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate' && (path === '/' || path.startsWith('/s/')))
    event.respondWith(networkFirst(request, SHELL));
  else if (path.startsWith('/survey/assets/')) event.respondWith(cacheFirst(request));
  else if (path.startsWith('/api/waves/') || path.startsWith('/api/instruments/')) event.respondWith(networkFirst(request));
});

export {};
