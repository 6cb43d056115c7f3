// Offline reading: after one visit every page of both editions opens without a network (offline, or with the
// server gone); a new version waits for the reader and then replaces the old one entirely; the site is
// installable; a damaged cache heals from the network.
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, ready, notes, skipUnless, endsWith } from './fixtures.js';
import { startSite } from './site-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Passed by `cargo xtask e2e`: the built site, and the next version built from it (xtask/src/next.rs).
const siteDir = process.env.SITE_DIR || path.resolve(here, '../../../dist');
const nextDir = process.env.NEXT_DIR || path.resolve(here, '../../../dist-v2');
const nextSentence = process.env.NEXT_SENTENCE || 'This sentence exists only in the next version of the site.';
const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';

const notice = (page, kind) => page.locator(`.offline-notices [data-kind="${kind}"]`);
const cacheNames = (page) => page.evaluate(() => caches.keys());
const versionOf = (dir) => /const VERSION = "(\w+)"/.exec(readFileSync(path.join(dir, 'sw.js'), 'utf8'))[1];

// Each edition: where it lives under the base path, and its notices and not-found page in its language.
const editions = {
  en: {
    prefix: '',
    ready: /Available offline/,
    offline: /You are offline/,
    notFound: 'Page not found',
    nav: ['Timeline', 'Sources', 'About', 'The letter'],
  },
  es: {
    prefix: 'es/',
    ready: /Disponible sin conexión/,
    offline: /No hay conexión/,
    notFound: 'Página no encontrada',
    nav: ['Cronología', 'Fuentes', 'Acerca de', 'La carta'],
  },
};

/** Opens `url` and waits until the service worker says (in the page's language) that the whole site is saved. */
async function visitOnce(page, url, ready = editions.en.ready) {
  await page.goto(url);
  await expect(page.locator('.offline-notices')).toHaveAttribute('role', 'status');
  await expect(notice(page, 'ready')).toHaveText(ready, { timeout: 20_000 });
}

/** Every route, relative to the site's root. */
const routes = () => ['', 'timeline/', 'sources/', 'about/', ...notes().map((n) => `notes/${n.id}/`)];

/** In each edition, opens every route and an unknown address from `base`, then follows the site's links. */
async function readEverything(page, base) {
  for (const [lang, { prefix, notFound, nav }] of Object.entries(editions)) {
    for (const route of routes().map((r) => prefix + r)) {
      const response = await page.goto(new URL(route, base).href);
      expect(response.status(), route).toBe(200);
      expect(response.fromServiceWorker(), route).toBe(true);
      await expect(page.locator('html'), route).toHaveAttribute('lang', lang);
      await expect(page.locator('main h1'), route).toBeVisible();
      // Every page, with the app or without, can register the worker and be installed (in its language):
      // pages without the app load the offline script with a tag, pages with it from their boot script;
      // before it, the display script (render-blocking, so the reader's theme is there at the first paint).
      const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((e) => e.getAttribute('src')));
      expect(scripts.length, route).toBe(2);
      expect(scripts[0], route).toMatch(/\/display-[0-9a-f]{16}\.js$/);
      expect(scripts[1], route).toMatch(/\/(offline|boot)-[0-9a-f]{16}\.js$/);
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/offline-[0-9a-f]{16}\.js$/.test(e.name)).length), route)
        .toBe(1);
      await expect(page.locator('link[rel="manifest"]'), route).toHaveAttribute('href', new RegExp(`/${prefix}manifest\\.webmanifest$`));
    }
    const missing = await page.goto(new URL(`${prefix}no/such/page/`, base).href);
    expect(missing.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(notFound);

    // Follow links: from the not-found page to the letter, a note in place, then each page of the header.
    await page.locator('main a.button').click();
    await ready(page);
    await page.locator('#mark-market-share').click();
    await expect(page.locator('#note-title')).toBeFocused();
    for (const [name, check] of nav.map((name, i) => [name, ['li.event', '.source-list > li', 'main h1', '.letter-text'][i]])) {
      await page.locator('.site-header nav').getByRole('link', { name, exact: true }).click();
      await expect(page.locator(check).first(), name).toBeVisible();
      await expect(page.locator('html'), name).toHaveAttribute('lang', lang);
    }
    await ready(page);
  }
}

for (const [lang, { prefix, ready, offline }] of Object.entries(editions)) {
  const first = lang === 'en' ? '' : ' to a Spanish page';
  test(`after one visit${first}, every page and link works offline, and the page says it is offline`, async ({ page, context, baseURL, guard }) => {
    guard.allow404(endsWith('/no/such/page/'));
    test.slow(); // every page of both editions
    await visitOnce(page, prefix || './', ready);
    await context.setOffline(true);
    await expect(notice(page, 'offline')).toHaveText(offline);
    await readEverything(page, baseURL);
    await expect(notice(page, 'offline')).toBeVisible();
    await context.setOffline(false);
    await expect(notice(page, 'offline')).toHaveCount(0);
  });
}

test('after one visit, every page and link works with the server gone', async ({ page, guard }) => {
  guard.allow404(endsWith('/no/such/page/'));
  test.slow(); // every page of both editions
  const site = await startSite(siteDir);
  try {
    await visitOnce(page, site.url);
    await site.stop();
    await readEverything(page, site.url);
  } finally {
    await site.stop();
  }
});

/** Asserts that the page is wholly one version: its text, its computed style, every file it loaded. */
async function expectVersion(page, version) {
  const dir = version === 1 ? siteDir : nextDir;
  const border = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomWidth);
  expect(border, `the header's border in version ${version}`).toBe(version === 1 ? '1px' : '4px');
  // The whole letter (a note page shows only the passages that mark its note, `.excerpt`).
  const letter = page.locator('.letter-text:not(.excerpt)');
  if (await letter.count()) {
    expect(await letter.textContent()).toContain(version === 1 ? 'As you prepare' : nextSentence);
    if (version === 1) await expect(letter).not.toContainText(nextSentence);
  }
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  expect(loaded.length).toBeGreaterThan(0);
  for (const file of loaded) expect(existsSync(path.join(dir, file)), `${file} belongs to version ${version}`).toBe(true);
}

test('a new version waits until the reader chooses it, then replaces the old one entirely', async ({ page, context }) => {
  skipUnless(existsSync(path.join(nextDir, 'sw.js')), 'dist-v2 is not built: `cargo xtask test` builds it');
  const [v1, v2] = [versionOf(siteDir), versionOf(nextDir)];
  expect(v1).not.toBe(v2);
  const site = await startSite(siteDir);
  try {
    await visitOnce(page, site.url);
    await page.goto(site.url);
    await ready(page);
    await expectVersion(page, 1);

    // The next version is deployed; the reader opens another page, and the browser finds the new worker.
    site.serve(nextDir);
    await page.goto(`${site.url}notes/market-share/`);
    const update = notice(page, 'update');
    await expect(update).toHaveText(/A new version is available/, { timeout: 20_000 });
    await expect(page.locator('.offline-notices')).toHaveAttribute('role', 'status');
    // Until the reader chooses, every page is the old version, from the old version's cache.
    await ready(page);
    await expectVersion(page, 1);
    await page.goto(site.url);
    await expect(update).toBeVisible();
    await ready(page);
    await expectVersion(page, 1);
    expect((await cacheNames(page)).sort()).toEqual([`offline / ${v1}`, `offline / ${v2}`].sort());
    expect((await new AxeBuilder({ page }).include('.offline-notices').analyze()).violations).toEqual([]);

    // By keyboard: the Reload button is the page's last control, with a visible focus ring.
    await page.locator('body').focus();
    await page.keyboard.press('Shift+Tab');
    const reload = update.getByRole('button', { name: 'Reload' });
    await expect(reload).toBeFocused();
    expect(await reload.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

    await ready(page);
    await expectVersion(page, 2);
    await expect(update).toHaveCount(0);
    expect(await cacheNames(page)).toEqual([`offline / ${v2}`]);
    await context.setOffline(true);
    for (const route of ['notes/market-share/', 'about/', 'timeline/']) {
      await page.goto(site.url + route);
      await expectVersion(page, 2);
    }
  } finally {
    await site.stop();
  }
});

test("an old version's missing page is never the new deploy's: the page says so and offers the update", async ({ page, guard }) => {
  skipUnless(existsSync(path.join(nextDir, 'sw.js')), 'dist-v2 is not built: `cargo xtask test` builds it');
  guard.allow503(endsWith('/about/'));
  const site = await startSite(siteDir);
  try {
    await visitOnce(page, site.url);
    // Version 1's copy of one page is lost (the browser evicted it, or the disk damaged it)...
    await page.evaluate(async () => (await caches.open((await caches.keys())[0])).delete('/about/'));
    // ...and version 2 is deployed: the network now has only version 2's page there.
    site.serve(nextDir);
    const response = await page.goto(`${site.url}about/`);
    expect(response.fromServiceWorker()).toBe(true);
    // Not version 2's page inside version 1 (nor version 2's stylesheet): version 1's offline notice.
    await expectVersion(page, 1);
    expect(response.status()).toBe(503);
    await expect(page.locator('main h1')).toHaveText('This page cannot be shown');
    // The worker asked for the new version at once; the notice offers it, and Reload shows the page.
    const update = notice(page, 'update');
    await expect(update).toHaveText(/A new version is available/, { timeout: 20_000 });
    await Promise.all([page.waitForEvent('load'), update.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.locator('main h1')).not.toHaveText('This page cannot be shown');
    await expect(page.locator('main h1')).toBeVisible();
    await expectVersion(page, 2);
  } finally {
    await site.stop();
  }
});

test("offline, a missing or damaged page is the site's offline notice in its language, with a way to try again", async ({ page, context, guard }) => {
  guard.allow503(endsWith('/about/'));
  guard.allow503(endsWith('/es/timeline/'));
  const site = await startSite(siteDir);
  try {
    await visitOnce(page, site.url);
    await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      await cache.delete('/about/');
      await cache.put('/es/timeline/', new Response('<p>damaged</p>', { headers: { 'Content-Type': 'text/html' } }));
    });
    await context.setOffline(true);
    const cases = [
      ['about/', 'en', 'This page cannot be shown', 'Try again', ['/', '/timeline/', '/sources/', '/about/']],
      ['es/timeline/', 'es', 'Esta página no se puede mostrar', 'Volver a intentarlo', ['/es/', '/es/timeline/', '/es/sources/', '/es/about/']],
    ];
    for (const [route, lang, title, retry, pages] of cases) {
      const response = await page.goto(site.url + route);
      expect(response.status(), route).toBe(503);
      await expect(page.locator('html'), route).toHaveAttribute('lang', lang);
      await expect(page.locator('main h1'), route).toHaveText(title);
      await expect(notice(page, 'offline'), route).toHaveText(editions[lang].offline);
      await expect(page.locator('main a.button'), route).toHaveText(retry);
      expect(await page.locator('main ul a').evaluateAll((a) => a.map((e) => e.getAttribute('href'))), route).toEqual(pages);
      expect((await new AxeBuilder({ page }).include('main').analyze()).violations, route).toEqual([]);
    }
    // The saved pages still open; back online, "Try again" brings the page back, and into the cache.
    await page.locator('main ul a').first().click();
    await expect(page.locator('.letter-text')).toBeVisible();
    await page.goBack();
    await context.setOffline(false);
    await page.locator('main a.button').click();
    await expect(page.locator('li.event').first()).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/es/timeline/');
    await context.setOffline(true);
    await page.goto(`${site.url}es/timeline/`);
    await expect(page.locator('li.event').first()).toBeVisible();
  } finally {
    await site.stop();
  }
});

test("offline, the timeline runs on its own wasm, saved with the rest", async ({ page, context }) => {
  await visitOnce(page, './');
  await context.setOffline(true);
  const response = await page.goto('timeline/?tracks=us');
  expect(response.fromServiceWorker()).toBe(true);
  await ready(page);
  // Its behaviour runs: the filter follows the address.
  await expect(page.locator('#track-us')).toBeChecked();
  await expect(page.locator('#track-mexico')).not.toBeChecked();
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
  expect(wasm).toHaveLength(1);
  // Not the letter's binary: the letter's page names that one in its boot script.
  await page.goto('./');
  await ready(page);
  const letterWasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
  expect(letterWasm).toHaveLength(1);
  expect(letterWasm).not.toEqual(wasm);
});

test('the notices respect reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await visitOnce(page, './');
  expect(await notice(page, 'ready').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

test('a missing or corrupted cache entry is fetched again from the network', async ({ page, context }) => {
  await visitOnce(page, './');
  const css = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  await page.evaluate(async (css) => {
    const cache = await caches.open((await caches.keys())[0]);
    await cache.delete(css);
    await cache.put('/about/', new Response('<p>corrupted</p>', { headers: { 'Content-Type': 'text/html' } }));
  }, css);
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('about/');
  await expect(page.locator('main h1')).toBeVisible();
  expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
  expect(fetched).toContain('/about/');
  expect(fetched).toContain(css);
  // The network's copies went back into the cache: offline, both are there again.
  await context.setOffline(true);
  await page.goto('about/');
  await expect(page.locator('main h1')).toBeVisible();
  expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
});

test('under /letter/, the manifest and the service worker keep to the sub-path', async ({ page, context, guard }) => {
  guard.allow404(endsWith('/letter/nothing/here/'));
  guard.allow404(endsWith('/letter/es/nothing/here/'));
  await visitOnce(page, sub);
  const manifest = await (await page.request.get(`${sub}manifest.webmanifest`)).json();
  expect([manifest.id, manifest.start_url, manifest.scope]).toEqual(['/letter/', '/letter/', '/letter/']);
  for (const icon of manifest.icons) expect(icon.src).toMatch(/^\/letter\/icons\/.+\.png$/);
  // The Spanish edition's manifest starts at its home page, in the same scope.
  const spanish = await (await page.request.get(`${sub}es/manifest.webmanifest`)).json();
  expect([spanish.lang, spanish.id, spanish.start_url, spanish.scope]).toEqual(['es', '/letter/es/', '/letter/es/', '/letter/']);
  for (const icon of spanish.icons) expect(icon.src).toMatch(/^\/letter\/icons\/.+\.png$/);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  expect(scope).toBe(sub);
  await context.setOffline(true);
  await page.goto(`${sub}timeline/`);
  await expect(page.locator('li.event').first()).toBeVisible();
  const missing = await page.goto(`${sub}nothing/here/`);
  expect(missing.status()).toBe(404);
  await expect(page.locator('main a.button')).toHaveAttribute('href', '/letter/');
  const missingEs = await page.goto(`${sub}es/nothing/here/`);
  expect(missingEs.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(editions.es.notFound);
  await expect(page.locator('main a.button')).toHaveAttribute('href', '/letter/es/');
});

// Installability needs a profile on disk (not an incognito-like context): override the context.
const installable = test.extend({
  context: async ({ launchOptions, baseURL }, use) => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'letter-explainer-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
});

installable('the site is installable: the browser finds no problem with its manifest, icons or worker', async ({ page, context }) => {
  await visitOnce(page, './');
  await page.reload();
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});
