// The service worker: keeps one version of the whole site in one cache and answers from it, so every page
// opens offline after a single visit. The prerenderer (src/bin/prerender/offline.rs) writes the six
// constants above this comment:
//   VERSION   a hash of every file of the build (a changed file is a new version, a new cache)
//   BASE      the site's base path ("/" or e.g. "/letter/"), the worker's scope
//   EDITIONS  the path of every edition but the original under BASE (["es/"]), each with its 404 page
//             and its offline notice (offline.html)
//   FILES     every file of the build by URL path (pages as "<route>/"), with its SHA-256 integrity
//   LATER     on a large site, the files not saved at install (note pages, embeds, oEmbed documents, the
//             fragments of notes the letter does not mark): saved when a page asks (offline.js, on a
//             connection that is not metered, or when the reader presses "Save everything"), or as they are
//             read. Empty on a site small enough to save whole at once.
//   LATER_BYTES their size in bytes, as built
// A new version installs beside the old one and waits: the reader chooses when to switch (offline.js),
// and until then every page, style and script comes from the old version's cache, never a mix: a file
// missing from the cache is taken from the network only if it is this version's (its hash says so), and
// a page that cannot be had is the edition's offline notice, never the browser's error page.

const CACHE = `offline ${BASE} ${VERSION}`;
const OURS = `offline ${BASE} `;
// An empty cache whose name remembers that this version could not be saved (a host or a proxy that
// rewrites files): the browser tries to install the worker again on every page view, and this version
// then gives up at once instead of downloading the whole site again. A new version tries afresh.
const FAILED = `offline ${BASE} failed ${VERSION}`;
const later = new Set(LATER);
/** The file `name` of the edition an address is under (its 404 page, its offline notice). */
const ofEdition = (path, name) => `${BASE}${EDITIONS.find((e) => path.startsWith(`${BASE}${e}`)) ?? ''}${name}`;

self.addEventListener('install', (event) => {
  event.waitUntil(install());
});

/** Saves this version, or fails safe: leaves no partial cache, remembers the failure, says so, and the site
 * goes on working online. */
async function install() {
  let why = 'it could not be saved before';
  if (!(await caches.has(FAILED))) {
    const missed = await precache();
    if (missed.length === 0) return announce();
    why = `${missed.length} file(s) did not arrive as built, such as ${missed[0]}`;
  }
  await caches.delete(CACHE);
  await caches.open(FAILED);
  console.warn(`Offline reading is off for version ${VERSION}: ${why}.`);
  await tell({ type: 'failed', reason: why });
  throw new Error(why);
}

self.addEventListener('activate', (event) => {
  // Only now that this version serves the pages may the older versions' caches go.
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((key) => key.startsWith(OURS) && key !== CACHE).map((key) => caches.delete(key))),
    ),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  // A page asks what is left to save, or to save it (see LATER).
  if (type === 'later-size') event.waitUntil(left().then((paths) => event.source.postMessage(leftMessage(paths))));
  if (type === 'save-later') event.waitUntil(saveLater());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (request.mode !== 'navigate') {
    if (url.pathname in FILES) event.respondWith(answer(request, url.pathname));
    return;
  }
  // A page: "/x/" and "/x/index.html" are the page "/x/"; "/x" is redirected to "/x/" as a static host
  // does. Any other address is asked of the network (a newer version may have it) and, without one, is
  // the site's not-found page, with status 404.
  const path = url.pathname.replace(/\/index\.html$/, '/');
  if (path in FILES) event.respondWith(answer(request, path));
  else if (`${path}/` in FILES) event.respondWith(Response.redirect(`${path}/${url.search}`, 301));
  else event.respondWith(fetch(request).catch(() => notFoundPage(request, path)));
});

/** Fetches every file of this version but those saved later, checked against its hash, into this
 * version's cache; resolves to the paths of the files that could not be had as built (none when the
 * version is saved). */
async function precache() {
  const cache = await caches.open(CACHE);
  const paths = Object.keys(FILES).filter((path) => !later.has(path));
  const results = await Promise.allSettled(paths.map((path) => save(cache, path)));
  return paths.filter((_, i) => results[i].status === 'rejected');
}

/** Fetches one file of this version, checked against its hash, into the cache. */
async function save(cache, path) {
  const response = await fetch(path, { integrity: FILES[path], cache: 'reload' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await cache.put(path, response);
}

/** The files of LATER not in the cache yet. */
async function left() {
  if (later.size === 0) return [];
  const cached = new Set((await (await caches.open(CACHE)).keys()).map((r) => new URL(r.url).pathname));
  return LATER.filter((path) => !cached.has(path));
}

/** What is left to save, for a page: how many files and about how many bytes. */
function leftMessage(paths) {
  return { type: 'later', files: paths.length, bytes: Math.round((LATER_BYTES * paths.length) / Math.max(1, LATER.length)) };
}

let saving = null;
/** Saves the files of LATER that are not saved yet, a few at a time (one run at once); then tells the
 * pages. A file that fails is left for a later run or for when it is read. */
function saveLater() {
  saving ??= (async () => {
    const cache = await caches.open(CACHE);
    const queue = await left();
    const worker = async () => {
      for (let path = queue.pop(); path; path = queue.pop()) await save(cache, path).catch(() => {});
    };
    await Promise.all([1, 2, 3, 4].map(worker));
    await tell(leftMessage(await left()));
  })().finally(() => (saving = null));
  return saving;
}

/** Tells the open pages that everything is cached. */
function announce() {
  return tell({ type: 'cached', version: VERSION });
}

/** Posts a message to every open page of the site. */
async function tell(message) {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

/** The file at `path`: from the cache if it is there and intact, else from the network. */
async function answer(request, path) {
  return (await fromCache(path)) || (await fromNetwork(request, path));
}

/** An address this version does not know, without a network: its edition's saved not-found page, with
 * status 404. (Whatever the network answered is passed on with its own status.) */
async function notFoundPage(request, path) {
  const page = await fromCache(ofEdition(path, '404.html'));
  if (!page) return unavailable(request, path);
  return new Response(page.body, { status: 404, statusText: 'Not Found', headers: page.headers });
}

/** A file of this version that can be had neither from the cache nor from the network: for a page, its
 * edition's saved offline notice (a way to try again, and the site's pages), with status 503; for
 * anything else, an empty 503. */
async function unavailable(request, path) {
  const page = request.mode === 'navigate' && (await fromCache(ofEdition(path, 'offline.html')));
  const init = { status: 503, statusText: 'Service Unavailable' };
  return page ? new Response(page.body, { ...init, headers: page.headers }) : new Response(null, init);
}

async function fromCache(path) {
  try {
    const hit = await (await caches.open(CACHE)).match(path);
    if (!hit || !hit.ok) return null;
    const body = await hit.arrayBuffer();
    if ((await integrity(body)) !== FILES[path]) return null;
    return new Response(body, { headers: hit.headers });
  } catch {
    return null; // an unreadable cache is a missing one
  }
}

/** This version's file from the network, checked against its hash, and back into the cache. An error
 * of the host's (a 503, a 404) is passed on with its own status. Another version's file (a newer version
 * is deployed) is never served to this version's pages: the file is unavailable, and the browser is asked
 * to look for the new version now, so that the page can offer it (offline.js). No network: unavailable. */
async function fromNetwork(request, path) {
  let response;
  try {
    response = await fetch(path, { cache: 'no-cache' });
  } catch {
    return unavailable(request, path);
  }
  if (!response.ok) return response;
  const body = await response.arrayBuffer();
  if ((await integrity(body)) !== FILES[path]) {
    console.warn(`${path} is no longer version ${VERSION}'s: a newer version is deployed.`);
    self.registration.update().catch(() => {});
    return unavailable(request, path);
  }
  const { status, statusText, headers } = response;
  await (await caches.open(CACHE)).put(path, new Response(body, { status, statusText, headers }));
  return new Response(body, { status, statusText, headers });
}

async function integrity(body) {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return `sha256-${btoa(String.fromCharCode(...hash))}`;
}
