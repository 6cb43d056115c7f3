// Offline reading, on every page: registers the service worker (sw.js) and shows its notices in one polite
// status region: "available offline" once the whole site is saved, "offline" while the network is gone,
// and "a new version is available" with a Reload button. A new version waits until the reader presses
// Reload; then every open page of the site reloads into it together, so none mixes two versions.
// On a site too large to save at once the worker saves its reading core; this script asks it for the
// rest on a connection known not to be metered, and the about page's "Save everything for offline"
// control (prerendered hidden) shows the size left and asks for it when pressed.
// Hand-written JavaScript, like sw.js: it is not part of the wasm app, which only letter pages load.

const TEXT = {}; // The page's language's notices, written in by the prerenderer from the catalog.

// A full-site page in another site's frame (a host that ignores _headers): offer to open it on the site.
const exit = window.top !== window && document.querySelector('[data-framed-exit]');
if (exit) {
  exit.hidden = false;
  exit.firstElementChild.href = location.href;
}

// Link previews (of notes, events and sources; see preview.js): nothing of them loads until a mouse first
// rests on a link or keyboard focus reaches one (never on touch); then their script takes it from there.
const PREVIEWS = {}; // Their script and the edition's data files, written in by the prerenderer.
const intent = (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link || event.pointerType === 'touch' || (event.type === 'focusin' && !link.matches(':focus-visible'))) return;
  removeEventListener('pointerover', intent);
  removeEventListener('focusin', intent);
  import(new URL(PREVIEWS.script, import.meta.url))
    .then((previews) => previews.start(PREVIEWS.data, event))
    .catch((error) => console.warn('Link previews are off:', error));
};
if (PREVIEWS.script) {
  addEventListener('pointerover', intent);
  addEventListener('focusin', intent);
}

const container = navigator.serviceWorker;
// This script sits at the site's root, whatever the base path: so do sw.js and its scope.
const base = new URL('./', import.meta.url).pathname;

// Not in a frame: a page embedded in another site (the embeds) does not save this whole site on the
// reader's device, who came to read someone else's article. Registered once the page has loaded, so that
// saving the whole site never competes with the page itself for the network.
if (container && window.top === window) {
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}

function start() {
  const region = document.createElement('div');
  region.className = 'offline-notices';
  region.setAttribute('role', 'status');
  document.body.append(region);

  /** Shows (or with `on` false, removes) the notice of a kind; returns it. */
  const notice = (kind, on = true) => {
    let el = region.querySelector(`[data-kind="${kind}"]`);
    if (!on) return el?.remove();
    if (!el) {
      el = document.createElement('p');
      el.className = 'offline-notice';
      el.dataset.kind = kind;
      el.textContent = TEXT[kind];
      region.append(el);
    }
    return el;
  };

  const connection = () => notice('offline', !navigator.onLine);
  addEventListener('online', connection);
  addEventListener('offline', connection);
  connection();

  // A page that a service worker already controls is on a saved version: a change of controller means
  // the reader accepted a new one, and the page reloads to show it.
  const controlled = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (controlled && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  // The rest of a large site: what the worker has not saved yet, saved on its own only on a connection
  // known not to be metered (Wi-Fi or Ethernet, no Save-Data), else when the reader asks.
  const control = document.querySelector('[data-save-offline]');
  const button = control?.querySelector('button');
  const status = control?.querySelector('[role="status"]');
  let saving = false;
  let saved = false;
  const ask = (message) => container.ready.then((registration) => registration.active?.postMessage(message));
  const unmetered = () => {
    const c = navigator.connection;
    return Boolean(c && !c.saveData && (c.type === 'wifi' || c.type === 'ethernet'));
  };
  const save = () => {
    saving = true;
    ask({ type: 'save-rest' });
  };
  const left = ({ files, bytes }) => {
    const finished = saving;
    saving = false;
    if (files > 0 && !finished && !saved && unmetered()) save();
    if (!control) return;
    if (files > 0) {
      const size = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1 });
      control.hidden = false;
      button.hidden = false;
      button.disabled = saving;
      button.textContent = `${TEXT.save} — ${TEXT.size.replace('{size}', size.format(bytes / 1e6))}`;
      status.textContent = finished ? TEXT.saveFailed : saving ? TEXT.saving : '';
    } else if (finished) {
      saved = true;
      button.hidden = true;
      status.textContent = TEXT.saved;
    }
  };
  button?.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = TEXT.saving;
    save();
  });

  container.addEventListener('message', (event) => {
    // The first version is saved (an update says so through the waiting worker instead): whole, or on a
    // large site its reading core.
    if (event.data?.type === 'cached' && !container.controller) {
      const el = notice(event.data.whole === false ? 'readyCore' : 'ready');
      setTimeout(() => el.remove(), 8000);
    }
    if (event.data?.type === 'left') left(event.data);
    // The version could not be saved (the host changed its files): the site works online only. Said
    // for whoever maintains the site; readers have nothing to do about it.
    if (event.data?.type === 'failed') console.warn(`Offline reading is off: ${event.data.reason}.`);
  });
  container.startMessages();

  const offer = (worker) => {
    if (!container.controller || region.querySelector('[data-kind="update"]')) return;
    const el = notice('update');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = TEXT.reload;
    button.addEventListener('click', () => worker.postMessage({ type: 'skip-waiting' }));
    el.append(' ', button);
  };
  const watch = (worker) => {
    if (!worker) return;
    if (worker.state === 'installed') offer(worker);
    else worker.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
  };

  container
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      ask({ type: 'left' });
    })
    .catch(() => {
      // No service worker (a private window, storage off, no network on a first visit): the site works
      // online as before.
    });
}
