// The service worker that lets sfo-check work offline after one visit.
// scripts/build-web.sh writes www/sw.js from this template, filling in the
// files to precache and a version that changes whenever any of them does.
// It caches only the page's own files: case data never passes through it.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `sfo-check-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('sfo-check-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Cache first: every file is versioned by the cache name, so a cached copy is
// never stale for this version; a new build installs a new cache.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreSearch: true })
      ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
    return cached ?? fetch(request);
  })());
});
