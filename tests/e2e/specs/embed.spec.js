// Embeds in someone else's page: a host on another origin (another port) with our snippet or with NPR's
// pym.js; the iframe sizes itself, ignores forged messages, and never traps keyboard focus.
import { test, expect, ready } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';

const require = createRequire(import.meta.url);
const site = new URL(process.env.SITE_URL || 'http://127.0.0.1:4173/');
const pymSource = readFileSync(require.resolve('pym.js/dist/pym.v1.js'), 'utf8');

// A news site on another origin (another port on 127.0.0.1): serves the page body each test sets, and pym.js.
let HOST;
let hostBody = '';
let server;
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/pym.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(pymSource);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // Any other page of the news site: nothing embedded.
    if (req.url !== '/article.html') return res.end('<!doctype html><html><head><meta charset="utf-8"><title>Other page</title></head><body><p>Another page</p></body></html>');
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Host article</title></head>
      <body style="margin:0"><p><a id="before" href="#">Before the embed</a></p>${hostBody}
      <p><a id="after" href="#">After the embed</a></p></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  HOST = `http://127.0.0.1:${server.address().port}/`;
});
test.afterAll(() => server?.close());

/** Opens the host article with `body` in it. */
async function host(page, body) {
  hostBody = body;
  await page.goto(`${HOST}article.html`);
}

/** The iframe's height and its content's height. */
async function heights(page, selector = 'iframe') {
  const frameHeight = await page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
  const frame = page.frameLocator(selector);
  const contentHeight = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
  return { frameHeight, contentHeight };
}

/** Waits until the host page has stopped scrolling (embed.js scrolls it, smoothly, to a note opened in the
 * frame): a click aimed while it moves lands where the target was, not where it is. */
async function hostStill(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = NaN;
        let still = 0;
        const look = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 5) resolve();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

async function expectFitted(page, selector = 'iframe') {
  await expect
    .poll(async () => {
      const { frameHeight, contentHeight } = await heights(page, selector);
      return Math.abs(frameHeight - contentHeight);
    })
    .toBeLessThanOrEqual(2);
}

// In English, and the Spanish edition's embed (the letter beside its translation).
for (const [edition, prefix, lang] of [['', '', 'en'], [' (Spanish)', 'es/', 'es']]) {
  test(`the snippet sizes the iframe to its content, before and after opening a note and resizing${edition}`, async ({ page }) => {
    await host(
      page,
      `<iframe src="${site.origin}/${prefix}embed/letter/" title="Annotated letter" width="100%" height="300" style="border:0" data-letter-explainer></iframe>
       <script src="${site.origin}/embed.js" async></script>`,
    );
    await expectFitted(page);
    const before = (await heights(page)).frameHeight;
    expect(before).toBeGreaterThan(300);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(frame.locator('html')).toHaveAttribute('lang', lang);
    // The host's session history, which an entry pushed inside the frame would lengthen (page.url() cannot
    // see it: the frame's entries leave the host's address as it is).
    const entries = await page.evaluate(() => history.length);
    await frame.locator('#mark-market-share').click();
    await expect(frame.locator('#note-title')).toBeVisible();
    await expectFitted(page);
    expect((await heights(page)).frameHeight).not.toBe(before);
    // The embed did not touch the host page's history or address, opening the note nor closing it.
    expect(page.url()).toBe(`${HOST}article.html`);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await hostStill(page);
    await frame.locator('.note-close').click();
    await expect(frame.locator('article.note')).toHaveCount(0);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.setViewportSize({ width: 360, height: 700 });
    await expectFitted(page);
  });
}

test('a Spanish note card embed sizes itself and opens the Spanish page', async ({ page }) => {
  await host(page, `<iframe src="${site.origin}/es/embed/notes/market-share/" title="Nota" width="100%" height="200" style="border:0" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'es');
  await expect(frame.locator('.judgement')).toContainText('Veredicto');
  await expect(frame.locator('.embed-footer a')).toHaveAttribute('href', /^(http:\/\/127\.0\.0\.1:\d+)?\/es\/notes\/market-share\/$/);
  await expectFitted(page);
  expect((await heights(page)).frameHeight).toBeGreaterThan(300);
  await page.setViewportSize({ width: 360, height: 700 });
  await expectFitted(page);
});

test('a note card embed shows the passage, the verdict, the sources and a link to the full site', async ({ page }) => {
  await host(page, `<iframe src="${site.origin}/embed/notes/market-share/" title="Note" width="100%" height="200" style="border:0" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.note-passage')).toContainText('tripling');
  await expect(frame.locator('.judgement')).toContainText('Verdict');
  expect(await frame.locator('.note-sources li').count()).toBeGreaterThan(1);
  const full = frame.locator('.embed-footer a');
  await expect(full).toHaveAttribute('href', /^(http:\/\/127\.0\.0\.1:\d+)?\/notes\/market-share\/$/);
  await expect(full).toHaveAttribute('target', '_blank');
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expectFitted(page);
});

test('pym.js hosts embed our routes unchanged and they size themselves', async ({ page }) => {
  await host(
    page,
    `<div id="pym-target"></div><script src="${HOST}pym.js"></script>
     <script>new pym.Parent('pym-target', '${site.origin}/embed/notes/request-delegation/', {});</script>`,
  );
  const iframe = page.locator('#pym-target iframe');
  await expect(iframe).toHaveCount(1);
  await expectFitted(page, '#pym-target iframe');
  expect((await heights(page, '#pym-target iframe')).frameHeight).toBeGreaterThan(300);
});

/** Where an element of the frame `selector` sits in the host's viewport (its top, in CSS pixels). */
async function topInHost(page, frameSelector, elementSelector) {
  const frameTop = await page.locator(frameSelector).evaluate((f) => f.getBoundingClientRect().top + f.clientTop);
  const inFrame = await page.frameLocator(frameSelector).locator(elementSelector).evaluate((el) => el.getBoundingClientRect().top);
  return frameTop + inFrame;
}

test('a note opened inside the embedded letter is brought into the host page\'s view (embed.js)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await host(page, `<iframe src="${site.origin}/embed/letter/" title="Annotated letter" width="100%" height="300" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  await expectFitted(page);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  await frame.locator('#mark-market-share').click();
  await expect(frame.locator('#note-title')).toBeVisible();
  // The note opens below the letter; the host scrolls its top to the top of the window.
  await expect.poll(() => topInHost(page, 'iframe', 'article.note'), { timeout: 5000 }).toBeLessThan(3);
  expect(await topInHost(page, 'iframe', 'article.note')).toBeGreaterThan(-3);
  expect(page.url()).toBe(`${HOST}article.html`);
});

test('pym.js hosts scroll to a note opened inside the embed and can name the frame from our title message', async ({ page }) => {
  await host(
    page,
    `<div id="pym-target"></div><script src="${HOST}pym.js"></script>
     <script>
       const parent = new pym.Parent('pym-target', '${site.origin}/embed/letter/', { xdomain: '${site.origin}' });
       parent.onMessage('letter-explainer:title', (title) => { if (!parent.iframe.title) parent.iframe.title = title; });
     </script>`,
  );
  const iframe = '#pym-target iframe';
  await expectFitted(page, iframe);
  await expect(page.locator(iframe)).toHaveAttribute('title', 'The Slotkin–Brown letter to Sheinbaum, annotated');
  const frame = page.frameLocator(iframe);
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  await frame.locator('#mark-market-share').click();
  await expect(frame.locator('#note-title')).toBeVisible();
  await expect.poll(() => topInHost(page, iframe, 'article.note')).toBeLessThan(3);
  expect(await topInHost(page, iframe, 'article.note')).toBeGreaterThan(-3);
});

test('a timeline embed the host sends to an event asks the host to bring the event into view', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await host(page, `<iframe src="${site.origin}/embed/timeline/" title="Timeline" width="100%" height="300" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  await expectFitted(page);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  // Loading the embed never scrolled the host.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const id = await frame.locator('li.event').nth(12).getAttribute('data-event');
  await page.locator('iframe').evaluate((f, hash) => { f.src = f.src.replace(/#.*$/, '') + hash; }, `#${id}`);
  const event = `li.event[data-event="${id}"]`;
  await expect(frame.locator(event)).toBeFocused();
  await expect.poll(() => topInHost(page, 'iframe', event)).toBeLessThan(3);
  expect(await topInHost(page, 'iframe', event)).toBeGreaterThan(-3);
});

test('embed.js names a frame after its page only when the snippet gave it no title', async ({ page }) => {
  await host(page, `<iframe id="untitled" src="${site.origin}/es/embed/notes/market-share/" width="100%" height="200" data-letter-explainer></iframe>
    <iframe id="titled" src="${site.origin}/embed/notes/market-share/" title="Our own name" width="100%" height="200" data-letter-explainer></iframe>
    <script src="${site.origin}/embed.js" async></script>`);
  const spanish = await page.frameLocator('#untitled').locator('title').textContent();
  expect(spanish).toContain('La carta de Slotkin y Brown');
  await expect(page.locator('#untitled')).toHaveAttribute('title', spanish);
  await expectFitted(page, '#titled');
  await expect(page.locator('#titled')).toHaveAttribute('title', 'Our own name');
});

/** A host page with one of our note cards, sized by the snippet; resolves to the fitted height. */
async function fittedCard(page, extra = '') {
  await host(page, `<iframe id="ours" src="${site.origin}/embed/notes/market-share/" title="Note" width="100%" height="200" style="border:0" data-letter-explainer></iframe>${extra}<script src="${site.origin}/embed.js" async></script>`);
  await expectFitted(page, '#ours');
  return (await heights(page, '#ours')).frameHeight;
}

/** A message of the right shape, asking for a height our frame never has. */
const FORGED = { type: 'letter-explainer:height', height: 5 };

/** Scroll and title messages of the right shape, which only our own frame may send. */
const FORGED_SCROLL = { type: 'letter-explainer:scroll', top: 400 };
const FORGED_TITLE = { type: 'letter-explainer:title', title: 'Forged' };

test('messages of the wrong shape, or from the host itself, change nothing', async ({ page }) => {
  const fitted = await fittedCard(page, '<div style="height:3000px"></div>');
  // Without its name, our frame would take the next title message of the right shape from the right window
  // (once the frame's own messages of its load are in).
  await page.waitForTimeout(300);
  await page.locator('#ours').evaluate((f) => f.removeAttribute('title'));
  // From the host's own window and origin, with the right shape.
  for (const m of [FORGED, FORGED_SCROLL, FORGED_TITLE]) await page.evaluate((m) => window.postMessage(m, '*'), m);
  // From inside the frame (right window and origin), with wrong shapes.
  const frame = page.frames().find((f) => f.url().includes('/embed/notes/'));
  await frame.evaluate(() => {
    for (const bad of [
      { type: 'letter-explainer:height', height: '5' },
      { type: 'letter-explainer:height', height: 5, extra: 1 },
      { type: 'other', height: 5 },
      { type: 'letter-explainer:height', height: Infinity },
      'letter-explainer:height:5',
      [5],
      { type: 'letter-explainer:scroll', top: '400' },
      { type: 'letter-explainer:scroll', top: -400 },
      { type: 'letter-explainer:scroll', top: 400, extra: 1 },
      { type: 'letter-explainer:scroll', height: 400 },
      { type: 'letter-explainer:title', title: 5 },
      { type: 'letter-explainer:title', title: '' },
      { type: 'letter-explainer:title', title: 'x'.repeat(301) },
      { type: 'letter-explainer:title', top: 'Forged' },
      { type: 'letter-explainer:title', title: 'Forged', extra: 1 },
      { type: 'toString', title: 'Forged' },
    ]) window.parent.postMessage(bad, '*');
  });
  await page.waitForTimeout(300);
  expect((await heights(page, '#ours')).frameHeight).toBe(fitted);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.locator('#ours').getAttribute('title')).toBeNull();
});

test('a message from our frame\'s window once it shows another origin changes nothing', async ({ page }) => {
  const fitted = await fittedCard(page);
  // The frame's window (the one embed.js listens to) navigates to the host's origin and sends a message of
  // the right shape: right window, wrong origin.
  const frame = page.frame({ url: /\/embed\/notes\// });
  await frame.evaluate((url) => (location.href = url), `${HOST}elsewhere.html`);
  await frame.waitForURL(`${HOST}elsewhere.html`);
  expect(await frame.evaluate(() => window === window.parent.document.querySelector('#ours').contentWindow)).toBe(true);
  await page.locator('#ours').evaluate((f) => f.removeAttribute('title'));
  for (const m of [FORGED, FORGED_SCROLL, FORGED_TITLE]) await frame.evaluate((m) => window.parent.postMessage(m, '*'), m);
  await page.waitForTimeout(300);
  expect((await heights(page, '#ours')).frameHeight).toBe(fitted);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.locator('#ours').getAttribute('title')).toBeNull();
});

test('a message from another window of our origin changes nothing', async ({ page }) => {
  // A second frame of ours that the host did not mark for sizing: right origin, wrong window.
  const fitted = await fittedCard(page, `<iframe id="other" src="${site.origin}/embed/notes/state-subsidies/" title="Other note" width="100%" height="200" style="border:0"></iframe>`);
  const other = page.frame({ url: /\/embed\/notes\/state-subsidies\// });
  await other.waitForLoadState();
  expect(new URL(other.url()).origin).toBe(site.origin);
  await page.waitForTimeout(300);
  await page.locator('#ours').evaluate((f) => f.removeAttribute('title'));
  for (const m of [FORGED, FORGED_SCROLL, FORGED_TITLE]) await other.evaluate((m) => window.parent.postMessage(m, '*'), m);
  await page.waitForTimeout(300);
  expect((await heights(page, '#ours')).frameHeight).toBe(fitted);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.locator('#ours').getAttribute('title')).toBeNull();
  await expect(page.locator('#other')).toHaveAttribute('height', '200');
});

test('a timeline embed shows the tracks its address names, and its filter writes them back', async ({ page }) => {
  await host(page, `<iframe src="${site.origin}/embed/timeline/?tracks=canada" title="Timeline" width="100%" height="600" style="border:0" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(frame.locator('#track-canada')).toBeChecked();
  for (const track of ['us', 'mexico', 'china', 'industry']) await expect(frame.locator(`#track-${track}`)).not.toBeChecked();
  const all = await frame.locator('li.event').count();
  const shown = await frame.locator('li.event:visible').all();
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(all);
  for (const event of shown) expect(await event.getAttribute('class')).toMatch(/\bt-(canada|letter)\b/);
  await expect(frame.locator('.filter-status')).toHaveText(`Showing ${shown.length} of ${all} events`);
  // Changing the filter rewrites the frame's address, not the host's history.
  const entries = await page.evaluate(() => history.length);
  await frame.locator('#track-us').check();
  const embed = page.frame({ url: /\/embed\/timeline\// });
  await expect.poll(() => new URL(embed.url()).search).toBe('?tracks=us,canada');
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(page.url()).toBe(`${HOST}article.html`);
});

test('theme and accent come from the URL, validated', async ({ page }) => {
  await page.goto('embed/notes/market-share/?theme=dark&accent=aa0000');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');
  const link = await page.locator('.embed-footer a').evaluate((a) => getComputedStyle(a).color);
  expect(link).toBe('rgb(170, 0, 0)');
  await page.goto('embed/notes/market-share/?theme=purple&accent=javascript:alert(1)');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  const accent = await page.evaluate(() => document.documentElement.style.getPropertyValue('--accent'));
  expect(accent).toBe('');
});

test('keyboard: tab into the embed, open a note, tab out again', async ({ page }) => {
  await host(page, `<iframe src="${site.origin}/embed/letter/" title="Annotated letter" width="100%" height="600" style="border:0" data-letter-explainer></iframe><script src="${site.origin}/embed.js" async></script>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.locator('#before').focus();
  let inMark = false;
  for (let i = 0; i < 30 && !inMark; i++) {
    await page.keyboard.press('Tab');
    inMark = await frame.locator(':focus').evaluate((el) => el.classList.contains('mark')).catch(() => false);
  }
  expect(inMark).toBe(true);
  await page.keyboard.press('Enter');
  await expect(frame.locator('#note-title')).toBeFocused();
  // Keep tabbing: focus leaves the frame and reaches the host's next link.
  let out = false;
  for (let i = 0; i < 300 && !out; i++) {
    await page.keyboard.press('Tab');
    out = await page.evaluate(() => document.activeElement?.id === 'after');
  }
  expect(out).toBe(true);
});

test('every page offers an embed snippet, and it works with no script', async ({ page }) => {
  await page.goto('notes/market-share/');
  await ready(page);
  const control = page.locator('article.note details.embed-control');
  await control.locator('summary').click();
  const snippet = await control.locator('textarea').first().inputValue();
  expect(snippet).toContain(`${site.origin}/embed/notes/market-share/`);
  expect(snippet).toContain('data-letter-explainer');
  expect(snippet).toContain(`${site.origin}/embed.js`);
  // The snippets in the other language load the Spanish embed, with a Spanish title.
  const spanish = await control.locator('textarea.embed-snippet[data-lang="es"]').first().inputValue();
  expect(spanish).toContain(`${site.origin}/es/embed/notes/market-share/`);
  expect(spanish).toContain(`${site.origin}/embed.js`);
  expect(spanish).toContain('title="La participación');
  await page.goto('timeline/');
  await ready(page);
  await expect(page.locator('details.embed-control textarea').first()).toContainText('/embed/timeline/');
  // The plain snippet on its own, in a host page without any script.
  const plain = await page.locator('details.embed-control textarea').nth(1).inputValue();
  await host(page, plain);
  await expect(page.frameLocator('iframe').locator('li.event').first()).toBeVisible();
});

test('embeddable pages advertise an oEmbed document that turns the URL into the embed', async ({ page, request }) => {
  const origin = process.env.BUILD_ORIGIN || site.origin;
  for (const [path, embed] of [
    ['notes/market-share/', '/embed/notes/market-share/'],
    ['', '/embed/letter/'],
    ['timeline/', '/embed/timeline/'],
  ]) {
    await page.goto(path);
    const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
    const href = await link.getAttribute('href');
    expect(href.startsWith(origin)).toBe(true);
    const res = await request.get(new URL(href).pathname);
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.version).toBe('1.0');
    expect(doc.type).toBe('rich');
    expect(doc.html).toContain(`src="${origin}${embed}"`);
    expect(doc.html).toContain('data-letter-explainer');
    expect(doc.width).toBeGreaterThan(0);
    expect(doc.height).toBeGreaterThan(0);
    expect(doc.provider_name.length).toBeGreaterThan(0);
  }
  // Pages that cannot be embedded advertise none.
  await page.goto('sources/');
  await expect(page.locator('link[type="application/json+oembed"]')).toHaveCount(0);
});

test('embeds work in a sandboxed iframe and store nothing', async ({ page }) => {
  await host(
    page,
    `<iframe src="${site.origin}/embed/letter/" title="Annotated letter" width="100%" height="300" style="border:0"
       sandbox="allow-scripts allow-same-origin allow-popups" data-letter-explainer></iframe>
     <script src="${site.origin}/embed.js" async></script>`,
  );
  await expectFitted(page);
  const frame = page.frameLocator('iframe');
  await frame.locator('#mark-state-subsidies').click();
  await expect(frame.locator('#note-title')).toBeFocused();
  await expectFitted(page);
  const f = page.frames().find((x) => x.url().includes('/embed/letter/'));
  const stored = await f.evaluate(async () => ({
    cookies: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(stored).toEqual({ cookies: '', local: 0, session: 0, caches: 0, workers: 0 });
});
