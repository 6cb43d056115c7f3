// The service worker: keeps one version of the whole site in one cache and answers from it, so every page
// opens offline after a single visit. The prerenderer (src/bin/prerender/offline.rs) writes the
// constants above this comment:
//   VERSION   a hash of every file of the build (a changed file is a new version, a new cache)
//   BASE      the site's base path ("/" or e.g. "/letter/"), the worker's scope
//   EDITIONS  the path of every edition but the original under BASE (["es/"]), each with its 404 page
//             and its offline notice (offline.html)
//   FILES     every file of the build by URL path (pages as "<route>/"), with its SHA-256 integrity
//   LATER     the rest of a large site, saved when a page asks (the fragments of the notes the letter does
//             not mark, embeds, oEmbed documents), with their bytes
//   AS_READ   what a large site saves only as it is read (note pages, notes' embeds), with their bytes
//   AT_ONCE   true when the whole site is small enough to save at once (the build decides by its bytes)
// A small site is saved whole when the worker installs. A large one saves the reading core (every page
// but notes and embeds, the marked notes' fragments, and every script, style and icon) at once, each page
// read as it is read, and LATER only when a page asks: on its own when the connection is known not to be
// metered, or when the reader presses "Save everything for offline" (offline.js). Offline, a note page it
// has not saved is answered with its edition's letter, which opens the note from its fragment (the
// letter's app does so for any note address whose page lacks the note), so every note reads offline
// without a page per note in the cache.
// A new version installs beside the old one and waits: the reader chooses when to switch (offline.js),
// and until then every page, style and script comes from the old version's cache, never a mix: a file
// missing from the cache is taken from the network only if it is this version's (its hash says so), and
// a page that cannot be had is the edition's offline notice, never the browser's error page.
// Architecture Invariant: a page is never served with another version's files.

const CACHE = `offline ${BASE} ${VERSION}`;
const OURS = `offline ${BASE} `;
// An empty cache whose name remembers that this version could not be saved (a host or a proxy that
// rewrites files): the browser tries to install the worker again on every page view, and this version
// then gives up at once instead of downloading the whole site again. A new version tries afresh.
const FAILED = `offline ${BASE} failed ${VERSION}`;
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
    const missed = await precache(AT_ONCE ? Object.keys(FILES) : core());
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
  // How much of LATER is not saved yet: { type: 'left', files, bytes }.
  if (type === 'left') {
    event.waitUntil(left().then(({ files, bytes }) => event.source?.postMessage({ type: 'left', files, bytes })));
  }
  // Save the rest of this version; says 'left' when done.
  if (type === 'save-rest') event.waitUntil(saveRest(event.source));
});

/** Every file but LATER's and AS_READ's. */
function core() {
  return Object.keys(FILES).filter((path) => !(path in LATER) && !(path in AS_READ));
}

/** Whether a path is a note's page (`notes/<id>/` in any edition). */
function isNotePage(path) {
  return /^notes\/[^/]+\/$/.test(path.slice(ofEdition(path, '').length));
}

/** The files of LATER that this version's cache does not hold, and their bytes. */
async function left() {
  const cache = await caches.open(CACHE);
  const saved = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  const paths = Object.keys(LATER).filter((path) => !saved.has(path));
  return { files: paths.length, bytes: paths.reduce((sum, path) => sum + LATER[path], 0), paths };
}

/** Saves what is left of LATER (checked against each file's hash, like the rest), then tells `client`
 * (the page that asked) what is still left: nothing, unless the network failed on the way. */
let saving = null;
function saveRest(client) {
  saving ??= left()
    .then(({ paths }) => precache(paths))
    .finally(() => {
      saving = null;
    });
  return saving.then(() => left()).then(({ files, bytes }) => client?.postMessage({ type: 'left', files, bytes }));
}

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

/** Fetches these files of this version, checked against their hashes, into this version's cache; resolves
 * to the paths of the files that could not be had as built (none when all are saved). */
async function precache(paths) {
  const cache = await caches.open(CACHE);
  const results = await Promise.allSettled(
    paths.map(async (path) => {
      const response = await fetch(path, { integrity: FILES[path], cache: 'reload' });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(path, response);
    }),
  );
  return paths.filter((_, i) => results[i].status === 'rejected');
}

/** Tells the open pages that this version is saved: whole, or its reading core. */
function announce() {
  return tell({ type: 'cached', version: VERSION, whole: AT_ONCE });
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

/** A file of this version that can be had neither from the cache nor from the network: for a note page
 * saved only as read (AS_READ), its edition's letter, which opens the note from its fragment; for any
 * other page, its edition's saved offline notice (a way to try again, and the site's pages), with status
 * 503; for anything else, an empty 503. */
async function unavailable(request, path) {
  if (request.mode === 'navigate' && path in AS_READ && isNotePage(path)) {
    const letter = await fromCache(ofEdition(path, ''));
    if (letter) return letter;
  }
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
 * to look for the new version now, so that the page can offer it (offline.js). No network, or a body that
 * breaks off: unavailable. A file that cannot be saved is still answered. */
async function fromNetwork(request, path) {
  let response;
  try {
    response = await fetch(path, { cache: 'no-cache' });
  } catch {
    return unavailable(request, path);
  }
  if (!response.ok) return response;
  let body;
  try {
    body = await response.arrayBuffer();
  } catch {
    // The body broke off (the connection dropped, or the page that asked for it went away).
    return unavailable(request, path);
  }
  if ((await integrity(body)) !== FILES[path]) {
    console.warn(`${path} is no longer version ${VERSION}'s: a newer version is deployed.`);
    self.registration.update().catch(() => {});
    return unavailable(request, path);
  }
  const { status, statusText, headers } = response;
  try {
    await (await caches.open(CACHE)).put(path, new Response(body, { status, statusText, headers }));
  } catch {
    // Saving is best effort: a cache that cannot be written (full, or being replaced) still answers.
  }
  return new Response(body, { status, statusText, headers });
}

async function integrity(body) {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return `sha256-${btoa(String.fromCharCode(...hash))}`;
}
