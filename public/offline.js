// Offline reading, on every page: registers the service worker (sw.js) and shows its notices in one polite
// status region: "available offline" once the whole site is saved, "offline" while the network is gone,
// and "a new version is available" with a Reload button. A new version waits until the reader presses
// Reload; then every open page of the site reloads into it together, so none mixes two versions.
// On a large site the worker saves the reading core at once and the rest later (sw.js, LATER): this script
// asks for the rest on a connection that says it is not metered, and shows the "Save everything" control
// (`[data-save-all]`, on the about page) with the size left while anything is left.
// Hand-written JavaScript, like sw.js: it is not part of the wasm app, which only letter pages load.

const TEXT = {}; // The page's language's notices, written in by the prerenderer from the catalog.

// A full-site page in another site's frame (a host that ignores _headers): offer to open it on the site.
const exit = window.top !== window && document.querySelector('[data-framed-exit]');
if (exit) {
  exit.hidden = false;
  exit.firstElementChild.href = location.href;
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

  container.addEventListener('message', (event) => {
    // The first version is saved (an update says so through the waiting worker instead).
    if (event.data?.type === 'cached' && !container.controller) {
      const el = notice('ready');
      setTimeout(() => el.remove(), 8000);
    }
    // The version could not be saved (the host changed its files): the site works online only. Said
    // for whoever maintains the site; readers have nothing to do about it.
    if (event.data?.type === 'failed') console.warn(`Offline reading is off: ${event.data.reason}.`);
    if (event.data?.type === 'later') showLeft(event.data);
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

  // What is left to save of a large site: the control shows its size, or says everything is saved.
  const control = document.querySelector('[data-save-all]');
  const showLeft = ({ files, bytes }) => {
    if (!control) return;
    const [button, status] = [control.querySelector('button'), control.querySelector('[role="status"]')];
    control.hidden = false;
    const mb = (bytes / 1e6).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
    button.hidden = files === 0;
    button.disabled = false;
    button.textContent = `${TEXT.save_all} — ${mb} MB`;
    status.textContent = files === 0 ? TEXT.saved_all : '';
  };
  const metered = () => {
    const c = navigator.connection;
    return !c || c.saveData || c.type === 'cellular';
  };

  container
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      return container.ready;
    })
    .then((registration) => {
      const worker = registration.active;
      if (!worker || !container.controller) return;
      worker.postMessage({ type: 'later-size' });
      if (!metered()) worker.postMessage({ type: 'save-later' });
      control?.querySelector('button').addEventListener('click', (event) => {
        event.currentTarget.disabled = true;
        control.querySelector('[role="status"]').textContent = TEXT.saving_all;
        worker.postMessage({ type: 'save-later' });
      });
    })
    .catch(() => {
      // No service worker (a private window, storage off, no network on a first visit): the site works
      // online as before.
    });
}
