// The smoke journeys every engine runs: each drives the site only through the small driver interface that
// firefox.js (puppeteer-core, WebDriver BiDi) and webkit.js (W3C WebDriver) implement:
//   goto(url) · url() · evaluate(fn, ...args) · click(selector) · press(key) · inFrame(selector, fn, ...args)
// A journey throws on the first thing that is not as it should be.

/** Polls `fn` in the page until it returns something truthy; fails naming `what` after `timeout` ms. */
export async function waitFor(driver, what, fn, args = [], timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await driver.evaluate(fn, ...args);
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the wasm app has added its behaviour (it sets `data-ready` on the document). */
const appReady = (driver) =>
  waitFor(driver, 'the wasm app to start', () => document.documentElement.dataset.ready === 'true');

/** Fails with `message` unless `condition`. */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The journeys, in order; the last one stops the site's server. */
export const journeys = [
  {
    title: 'the letter: the app starts, a note opens with focus on its title, Escape closes it with focus back on its mark',
    async run(driver, { site }) {
      await driver.goto(site.url);
      await appReady(driver);
      await driver.click('#mark-market-share');
      await waitFor(driver, 'focus on the note title', () => document.activeElement?.id === 'note-title');
      check((await driver.url()).endsWith('/notes/market-share/'), `URL after opening: ${await driver.url()}`);
      await driver.press('Escape');
      await waitFor(driver, 'the note to close', () => !document.querySelector('article.note'));
      await waitFor(driver, 'focus back on the mark', () => document.activeElement?.id === 'mark-market-share');
      check(new URL(await driver.url()).pathname === '/', `URL after closing: ${await driver.url()}`);
    },
  },
  {
    title: 'the timeline: unticking a track hides its events, writes ?tracks= and counts what is shown',
    async run(driver, { site }) {
      await driver.goto(`${site.url}timeline/`);
      await appReady(driver);
      // Shown: laid out and not hidden (an event the filter leaves out takes no room and is `visibility: hidden`).
      const shown = () => [...document.querySelectorAll('li.event')].filter((e) => e.getClientRects().length && e.offsetHeight > 0 && getComputedStyle(e).visibility !== 'hidden').length;
      const all = await driver.evaluate(shown);
      await driver.click('#track-us');
      await waitFor(driver, '?tracks= without us', () => /[?&]tracks=/.test(location.search) && !/\bus\b/.test(location.search));
      const filtered = await driver.evaluate(shown);
      check(filtered > 0 && filtered < all, `events shown: ${filtered} of ${all}`);
      const status = await driver.evaluate(() => document.querySelector('.filter-status')?.textContent);
      check(status === `Showing ${filtered} of ${all} events`, `filter status: ${status} (${filtered} of ${all})`);
    },
  },
  {
    title: 'the language switch keeps the open note (English → Spanish)',
    async run(driver, { site }) {
      await driver.goto(`${site.url}notes/market-share/`);
      await appReady(driver);
      await driver.click('.site-header a[data-language-switch]');
      await waitFor(driver, 'the Spanish page', () => location.pathname === '/es/notes/market-share/' && document.documentElement.lang === 'es');
      await appReady(driver);
      await waitFor(driver, 'the note open in Spanish', () => document.querySelector('#mark-market-share')?.getAttribute('aria-current') === 'true' && !!document.querySelector('#note-title'));
    },
  },
  {
    title: 'an embed sizes itself in a host page on another origin',
    async run(driver, { host }) {
      await driver.goto(host);
      const frameHeight = () => document.querySelector('iframe').getBoundingClientRect().height;
      await waitFor(driver, 'the iframe to grow past its 300 px', () => document.querySelector('iframe').getBoundingClientRect().height > 300);
      const end = Date.now() + 10_000;
      let heights;
      do {
        const outer = await driver.evaluate(frameHeight);
        const inner = await driver.inFrame('iframe', () => document.documentElement.getBoundingClientRect().height);
        heights = { outer, inner };
        if (Math.abs(outer - inner) <= 2) return;
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < end);
      throw new Error(`the iframe does not fit its content: ${JSON.stringify(heights)}`);
    },
  },
  {
    title: 'the service worker saves the site, and a page opens again with the server gone',
    async run(driver, { site }) {
      await driver.goto(site.url);
      // Activated means installed, and installing saves every file of the site (the "Available offline"
      // notice says so only once, on the visit that saved it, which an earlier journey made).
      await waitFor(
        driver,
        'the service worker to be activated',
        async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
        [],
        30_000,
      );
      // The page itself fully loaded (the app started) under the worker, before the server goes.
      await appReady(driver);
      await waitFor(driver, 'the page to be controlled by the worker', () => !!navigator.serviceWorker.controller);
      await site.stop();
      await driver.goto(`${site.url}timeline/`);
      await waitFor(driver, 'the timeline from the cache', () => document.querySelectorAll('li.event').length > 10);
      await appReady(driver);
    },
  },
];
