// The service worker: keeps the app shell, the wave, every band's
// instrument and every locale's spoken clips on the tablet, so once a
// tablet has opened a round online any child's survey can be started,
// heard, finished (and queued) offline; and the results children were
// shown ("What children told us last time", /results/CODE) with their
// clips, once seen. Answers are not its business: the app keeps those itself and
// sends them when it can, because iPads have no Background Sync.
// A module (see the export below), so this `self` is the service worker's own type.
import type { ClipManifest } from './clips.js';

declare const self: ServiceWorkerGlobalScope;
/** Replaced at build time (web/vite.config.ts) by the list of built files. */
declare const __PRECACHE__: string[];

const PRECACHE = __PRECACHE__;
const PREFIX = 'hearme-survey-';
// A new build lists new hashed files, so it gets a new cache and the old one is dropped.
const CACHE = PREFIX + hash(PRECACHE.join('|'));
const SHELL = '/survey/index.html';
const CLIPS = '/survey/audio/manifest.json';
/** Clips fetched at once while keeping a round: enough to fill a slow line, few enough to leave room for the child's own requests. */
const CLIP_FETCHES = 4;

/**
 * A preview for portal staff (web/survey/preview.tsx, built as
 * assets/preview-<hash>.js and left out of PRECACHE, web/vite.config.ts):
 * signed in and online, never kept or served for offline use.
 */
const PREVIEW_PAGES = '/s/preview/';
const PREVIEW_CODE = '/survey/assets/preview-';

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
      // The page that installed us fetched its wave before we were there: keep that round now.
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        const code = /^\/s\/([^/]+)\/?$/.exec(new URL(client.url).pathname)?.[1];
        if (code) await keepRound(await networkFirst(new Request(`/api/waves/${code}`))).catch(() => undefined);
      }
    })(),
  );
});

/** What the service worker needs to read from a wave (the app parses it fully, with zod). */
interface RoundFiles {
  instruments: { id: string; version: number }[];
}

/**
 * Keeps everything a round needs offline for every age band: each band's
 * instrument, whichever band the tablet opened first, then the spoken clips
 * of every locale the child may choose. Instruments are versioned and clips
 * named by their text, so one already kept is never fetched again.
 */
async function keepRound(wave: Response): Promise<void> {
  if (!wave.ok) return;
  const round = (await wave.clone().json()) as RoundFiles;
  const cache = await caches.open(CACHE);
  await Promise.all(round.instruments.map((i) => keep(cache, `/api/instruments/${encodeURIComponent(i.id)}?version=${i.version}`)));
  await keepClips(cache);
}

/** Keeps a URL in the cache unless it is there already. */
async function keep(cache: Cache, url: string): Promise<void> {
  if (await cache.match(url)) return;
  const response = await fetch(url);
  if (response.ok) await cache.put(url, response);
}

/** Keeps every clip the manifest lists (the survey's and the results screen's), a few at a time. */
async function keepClips(cache: Cache): Promise<void> {
  const manifest = (await (await networkFirst(new Request(CLIPS))).json()) as ClipManifest;
  const clips = new Set<string>();
  for (const strings of Object.values(manifest.locales))
    for (const entry of Object.values(strings)) for (const piece of entry.pieces) if (!piece.startsWith('{{')) clips.add(`/survey/audio/${piece}`);
  const queue = [...clips];
  await Promise.all(Array.from({ length: CLIP_FETCHES }, async () => {
    for (let url = queue.shift(); url; url = queue.shift()) await keep(cache, url);
  }));
}

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
  if (path.startsWith(PREVIEW_PAGES) || path.startsWith(PREVIEW_CODE)) return;
  if (request.mode === 'navigate' && (path === '/' || path.startsWith('/s/') || path.startsWith('/results/')))
    event.respondWith(networkFirst(request, SHELL));
  else if (path.startsWith('/survey/assets/')) event.respondWith(cacheFirst(request));
  else if (path === CLIPS) event.respondWith(networkFirst(request));
  // The audio element asks for byte ranges, which a cache cannot hold: keep and give the whole clip.
  else if (path.startsWith('/survey/audio/')) event.respondWith(cacheFirst(new Request(path + url.search)));
  else if (path.startsWith('/api/waves/')) {
    const response = networkFirst(request);
    event.respondWith(response.then((r) => r.clone()));
    // Offline, the instruments are already kept, or cannot be fetched anyway (and are tried again next time).
    event.waitUntil(response.then(keepRound).catch(() => undefined));
  } else if (path.startsWith('/api/results/')) {
    // Results seen once can be shown and heard offline: keep them, and the clips that read them.
    const response = networkFirst(request);
    event.respondWith(response.then((r) => r.clone()));
    event.waitUntil(response.then(async (r) => r.ok && keepClips(await caches.open(CACHE))).catch(() => undefined));
  } else if (path.startsWith('/api/instruments/')) event.respondWith(networkFirst(request));
});

export {};
