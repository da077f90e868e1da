// The runner's service worker (served at /r/sw.js, scope /r/). The server writes its version and the list
// of the runner's files into it, so a new runner is a new worker: it caches the new files, then drops the
// caches of older versions. Run pages are fetched from the network first and kept, so a run link opened
// once opens again offline. API calls (/v1/…) are never cached: the outbox in IndexedDB carries them.

const VERSION = "__VERSION__";
const ASSETS = ["__ASSETS__"];
const STATIC = `rundun-runner-${VERSION}`;
const PAGES = "rundun-runner-pages";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

// The versions the kept run pages load their files from.
async function versionsInUse() {
  const used = new Set([VERSION]);
  const pages = await caches.open(PAGES);
  for (const request of await pages.keys()) {
    const text = await (await pages.match(request)).text();
    for (const match of text.matchAll(/\/r\/static\/([0-9a-f]+)\//g)) used.add(match[1]);
  }
  return used;
}

async function dropUnused() {
  const used = await versionsInUse();
  for (const name of await caches.keys()) {
    const version = name.slice("rundun-runner-".length);
    if (name.startsWith("rundun-runner-") && name !== PAGES && !used.has(version)) await caches.delete(name);
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(dropUnused().then(() => self.clients.claim()));
});

async function staticFile(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Only this version's files go in its cache: an older version's URL gets today's file from the server.
  if (response.ok && request.url.includes(`/r/static/${VERSION}/`)) (await caches.open(STATIC)).put(request, response.clone());
  return response;
}

async function runPage(request) {
  const url = new URL(request.url);
  const key = url.origin + url.pathname; // one copy per run, whatever the query
  try {
    const response = await fetch(request);
    if (response.ok) {
      await (await caches.open(PAGES)).put(key, response.clone());
      dropUnused().catch(() => null); // a page newly fetched may have been the last one on an old version
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key);
    if (cached) return cached;
    throw error;
  }
}

// The page that registered the worker was fetched before the worker ran: the page asks for it to be kept.
self.addEventListener("message", (event) => {
  const url = event.data && event.data.keepPage;
  if (url && new URL(url).origin === self.location.origin) event.waitUntil(runPage(new Request(url)).catch(() => null));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/r/static/")) event.respondWith(staticFile(request));
  else if (/^\/r\/[^/]+$/.test(url.pathname) && url.pathname !== "/r/sw.js") event.respondWith(runPage(request));
});
