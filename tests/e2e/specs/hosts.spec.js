// Imperfect and hostile hosts: a host that applies `_headers`, one that changes every page, one that answers
// with its own error page; and embeds on someone else's page whose links must never navigate its frame.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, ready } from './fixtures.js';
import { headersFor, parseHeaders, startHost, startNewsSite } from './host-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = process.env.SITE_DIR || path.resolve(here, '../../../dist');

// What the news site's page holds and the headers it is served with (each test sets them).
let article = '';
let articleHeaders = {};
let news;
test.beforeAll(async () => {
  news = await startNewsSite(
    () => article,
    () => articleHeaders,
  );
});
test.beforeEach(() => {
  articleHeaders = {};
});
test.afterAll(() => news?.stop());

/** Opens the news site's article with an iframe of `src` in it; resolves to the iframe's frame. */
async function framed(page, src) {
  article = `<iframe src="${src}" title="Embed" width="800" height="900"></iframe>`;
  await page.goto(news.url);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForLoadState('load');
  return frame;
}

/** The links of a document (or part of one) that would navigate its frame: neither a link within the page
 * nor one that opens a new tab without handing it the opener or the referrer. */
const frameNavigatingLinks = (links) =>
  links
    .filter((a) => !a.getAttribute('href').startsWith('#'))
    .filter((a) => a.target !== '_blank' || !/\bnoopener\b/.test(a.rel) || !/\bnoreferrer\b/.test(a.rel))
    .map((a) => a.outerHTML.slice(0, 160));

const embeds = ['embed/letter/', 'embed/notes/market-share/', 'embed/timeline/'];

test.describe('on a host that applies _headers', () => {
  let host;
  test.beforeAll(async () => {
    host = await startHost(siteDir, { headers: true });
  });
  test.afterAll(() => host?.stop());

  test('another origin can frame the embeds, and no other page', async ({ browser }) => {
    // Its own context: the host page's console reports each refused frame, which the guard would count.
    const context = await browser.newContext();
    const page = await context.newPage();
    const shows = async (route) => {
      const frame = await framed(page, host.url + route);
      return frame.url().startsWith(host.origin) && (await frame.locator('main h1').count()) > 0;
    };
    for (const route of [...embeds, ...embeds.map((e) => `es/${e}`)]) expect(await shows(route), route).toBe(true);
    for (const route of ['', 'notes/market-share/', 'timeline/', 'sources/', 'about/', 'es/', 'es/timeline/']) {
      expect(await shows(route), route).toBe(false);
    }
    await context.close();
  });

  test('inside an embed, following a link opens a new tab and leaves the frame where it was', async ({ page, context }) => {
    const frame = await framed(page, `${host.url}embed/letter/`);
    await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // A note opened in place is taken from a full-site page: its links too open outside.
    await frame.locator('#mark-market-share').click();
    await expect(frame.locator('#note-title')).toBeFocused();
    expect(await frame.locator('#notes article.note a[href]:not(.note-close)').evaluateAll(frameNavigatingLinks)).toEqual([]);
    const [tab] = await Promise.all([context.waitForEvent('page'), frame.locator('.note-events a').first().click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/timeline/');
    expect(frame.url()).toBe(`${host.url}embed/letter/`);
    expect(page.url()).toBe(news.url);
    await tab.close();
  });
});

test('_headers gives every response the policy and nosniff, and frame-ancestors to every page but the embeds, however a host combines rules', () => {
  const rules = parseHeaders(readFileSync(path.join(siteDir, '_headers'), 'utf8'));
  // The policy of the pages' own meta tag: the header must say at least as much.
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(path.join(siteDir, 'index.html'), 'utf8'))[1];
  const files = readdirSync(siteDir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !f.split('/').some((part) => /^[_.]/.test(part)))
    .filter((f) => /\.[a-z]+$/.test(f));
  expect(files.length).toBeGreaterThan(100);
  const pages = files.filter((f) => f.endsWith('.html'));
  for (const kind of ['js', 'wasm', 'css', 'png', 'json', 'webmanifest']) expect(files.some((f) => f.endsWith(`.${kind}`)), kind).toBe(true);
  expect(files).toContain('sw.js');
  // Every file at its address (pages also as their folder), and the host's not-found answers.
  const addresses = [
    ...files.map((f) => `/${f}`),
    ...pages.filter((f) => f.endsWith('index.html')).map((f) => `/${f.slice(0, -'index.html'.length)}`),
  ];
  const unknown = ['/no/such/page/', '/es/no/such/page/', '/notes/no-such-note/', '/es/nothing.js', '/embed/nothing/'];
  const isPage = (address) => address.endsWith('/') || address.endsWith('.html');
  const isEmbed = (address) => /^\/(es\/)?embed\//.test(address);
  for (const join of [true, false]) {
    for (const address of [...addresses, ...unknown]) {
      const headers = headersFor(rules, address, { join });
      const where = `${address} (${join ? 'joined' : 'replaced'})`;
      const policies = (headers['content-security-policy'] ?? '').split(',').map((p) => p.trim());
      for (const policy of policies) expect(policy.startsWith(csp), where).toBe(true);
      expect(headers['x-content-type-options'], where).toBe('nosniff');
      const ancestors = policies.map((p) => /frame-ancestors ([^;]+)/.exec(p)?.[1]).filter(Boolean);
      if (isEmbed(address)) expect(ancestors, `${where}: any site may frame an embed`).toEqual([]);
      else if (isPage(address) && !unknown.includes(address)) expect(ancestors, `${where}: only the site frames it`).toEqual(["'self'"]);
    }
  }
});

test('without JavaScript, every link of every embed opens outside the frame', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const route of [...embeds, ...embeds.map((e) => `es/${e}`)]) {
    await page.goto(new URL(route, baseURL).href);
    expect(await page.locator('a[href]').count(), route).toBeGreaterThan(0);
    expect(await page.locator('a[href]').evaluateAll(frameNavigatingLinks), route).toEqual([]);
  }
  await context.close();
});

test('a host that changes every page: offline reading is off at once and for good, the site works online', async ({ page, context }) => {
  // A host (or a proxy) that adds a comment to every page, as some do: no page matches its hash.
  const host = await startHost(siteDir, {
    alter: ({ type, body }) => (type.startsWith('text/html') ? { body: Buffer.concat([body, Buffer.from('<!-- host -->')]) } : undefined),
  });
  const warning = () =>
    page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && /Offline reading is off/.test(m.text()), timeout: 20_000 });
  try {
    let warned = warning();
    await page.goto(host.url);
    await warned;
    await ready(page);
    // Nothing half-saved is left behind; only the memory of the failed version.
    expect(await page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/^offline \/ failed \w+$/)]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    // The next page view does not download the whole site again.
    const requests = [];
    context.on('request', (request) => requests.push(new URL(request.url()).pathname));
    warned = warning();
    await page.goto(`${host.url}timeline/`);
    await warned;
    await ready(page);
    expect(requests.length, requests.join('\n')).toBeLessThan(15);
    await expect(page.locator('li.event').first()).toBeVisible();
  } finally {
    await host.stop();
  }
});

test("a host's error page reaches the reader with its own status, not relabelled by the worker", async ({ browser }) => {
  // Its own context: the host's 503 is logged as a console error, rightly, which the guard would count.
  const context = await browser.newContext();
  const page = await context.newPage();
  let down = false;
  const host = await startHost(siteDir, {
    alter: ({ pathname }) =>
      down && pathname === '/about/'
        ? { status: 503, type: 'text/html; charset=utf-8', body: Buffer.from('<!doctype html><title>Down</title><p>Down for maintenance</p>') }
        : undefined,
  });
  try {
    await page.goto(host.url);
    await expect(page.locator('.offline-notices [data-kind="ready"]')).toBeVisible({ timeout: 20_000 });
    await page.evaluate(async () => (await caches.open((await caches.keys())[0])).delete('/about/'));
    down = true;
    const response = await page.goto(`${host.url}about/`);
    expect(response.fromServiceWorker()).toBe(true);
    expect(response.status()).toBe(503);
    await expect(page.locator('p')).toHaveText('Down for maintenance');
  } finally {
    await host.stop();
    await context.close();
  }
});

test('on a host that serves doubled slashes, the language switch stays on the site', async ({ page }) => {
  const host = await startHost(siteDir);
  try {
    await page.goto(`${host.url}es//timeline/?tracks=us`);
    await ready(page);
    const href = await page.locator('[data-language-switch]').evaluate((a) => a.href);
    expect(href).toBe(`${host.url}timeline/?tracks=us`);
  } finally {
    await host.stop();
  }
});

test('the timeline embed keeps the parameters it does not own, and reads an encoded comma', async ({ page, baseURL }) => {
  await page.goto(new URL('embed/timeline/?theme=dark&tracks=us%2Cmexico&childId=frame1', baseURL).href);
  await ready(page);
  await expect(page.locator('#track-us')).toBeChecked();
  await expect(page.locator('#track-mexico')).toBeChecked();
  await expect(page.locator('#track-canada')).not.toBeChecked();
  await page.locator('#track-mexico').uncheck();
  const query = new URL(page.url()).searchParams;
  expect([query.get('theme'), query.get('tracks'), query.get('childId')]).toEqual(['dark', 'us', 'frame1']);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#track-mexico')).not.toBeChecked();
});

test('a timeline embed with an event in its address does not scroll the page around it', async ({ page, baseURL }) => {
  article = `<div style="height:3000px">Long article</div>
    <iframe src="${new URL('embed/timeline/#usmca-joint-review', baseURL).href}" title="Timeline" width="800" height="900"></iframe>`;
  await page.goto(news.url);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForLoadState('load');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.scrollY), 'the page moved as the frame loaded').toBe(0);
  // The app starts once the frame is painted, which it is only on screen: the reader scrolls to it.
  await page.mouse.wheel(0, 2500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(2500);
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await expect(frame.locator('li.event[data-event="usmca-joint-review"]')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY), 'the page moved when the event was focused').toBe(2500);
  // The frame's own view moves to the event (smoothly, unless the reader asks for reduced motion).
  const event = frame.locator('li.event[data-event="usmca-joint-review"]');
  const inView = (e) => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight - 50;
  await expect.poll(() => event.evaluate(inView)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(2500);
});

test("a framed letter (a host that ignores _headers) adds nothing to the host tab's history", async ({ page, baseURL }) => {
  const frame = await framed(page, baseURL);
  await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const before = await page.evaluate(() => history.length);
  await frame.locator('#mark-market-share').click();
  await expect(frame.locator('#note-title')).toBeFocused();
  await frame.locator('.note-close').click();
  await expect(frame.locator('#mark-market-share')).toBeFocused();
  expect(await page.evaluate(() => history.length)).toBe(before);
  expect(frame.url()).toBe(baseURL);
});

test('a page of the full site in a frame (a host that ignores _headers) offers to open it on the site, in both editions', async ({ page, context, baseURL }) => {
  const cases = [
    ['sources/', 'Open on the site'],
    ['', 'Open on the site'],
    ['es/sources/', 'Abrir en el sitio'],
    ['es/', 'Abrir en el sitio'],
  ];
  for (const [route, name] of cases) {
    const url = new URL(route, baseURL).href;
    const frame = await framed(page, url);
    const exit = frame.getByRole('link', { name: new RegExp(`^${name}`) });
    await expect(exit, route).toBeVisible();
    expect(await exit.evaluate((a) => [a.href, a.target, a.rel]), route).toEqual([url, '_blank', 'noopener noreferrer']);
  }
  // Following it opens the page in a new tab, where it is not framed and says nothing; the article stays.
  const url = new URL('sources/', baseURL).href;
  const frame = await framed(page, url);
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: /^Open on the site/ }).click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(url);
  await expect(tab.locator('main h1')).toBeVisible();
  await expect(tab.locator('[data-framed-exit]')).toBeHidden();
  expect(page.url()).toBe(news.url);
  expect(frame.url()).toBe(url);
  await tab.close();
  // Embeds have their own link to the full site, and no such notice.
  const embed = await framed(page, new URL('embed/notes/market-share/', baseURL).href);
  await expect(embed.locator('.embed-footer a')).toBeVisible();
  await expect(embed.locator('[data-framed-exit]')).toHaveCount(0);
});

test('the self-sizing snippet works on a news site with a strict Content-Security-Policy', async ({ page, baseURL }) => {
  await page.goto(new URL('notes/market-share/', baseURL).href);
  const snippet = await page.locator('#notes details.embed-control textarea.embed-snippet').first().inputValue();
  // No inline style or script on the host page; our origin allowed for frames and scripts.
  const ours = new URL(baseURL).origin;
  articleHeaders = { 'Content-Security-Policy': `default-src 'none'; style-src 'self'; script-src ${ours}; frame-src ${ours}` };
  article = snippet;
  await page.goto(news.url);
  const frame = page.locator('iframe[data-letter-explainer]');
  await expect(page.frameLocator('iframe').locator('#note-title')).toBeVisible();
  await expect.poll(() => frame.evaluate((f) => getComputedStyle(f).borderTopWidth)).toBe('0px');
  await expect.poll(() => frame.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(700);
});
