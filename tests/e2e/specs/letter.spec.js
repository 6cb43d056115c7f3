// The annotated letter: what a reader sees and every way of opening and closing a note.
import { test, expect, ready, notes } from './fixtures.js';

const requests = ['request-incentives', 'request-security-review', 'request-delegation'];

test('the letter shows its header, its passages, its gaps and its marks', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await expect(page.locator('h1')).toContainText('Sheinbaum');
  await expect(page.locator('.letter-meta')).toContainText('30 September 2024');
  await expect(page.locator('.letter-meta')).toContainText('1 October 2024');
  await expect(page.locator('.letter-text')).toContainText('As you prepare to take office');
  expect(await page.locator('.letter-text .gap').count()).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.letter-text .gap').first()).toHaveText('Passage not published');

  // Claims and requests look different; the three requests are numbered 1–3, in order.
  const claims = page.locator('.letter-text a.mark.claim');
  expect(await claims.count()).toBeGreaterThanOrEqual(3);
  const badges = await page.locator('.letter-text a.mark.request .badge').allTextContents();
  expect(badges).toEqual(['1', '2', '3']);
  for (const [i, id] of requests.entries()) {
    const mark = page.locator(`#mark-${id}`);
    await expect(mark).toHaveClass(/request/);
    await expect(mark.locator('.badge')).toHaveText(String(i + 1));
  }
  // Every mark is a real link to its note's page.
  for (const mark of await page.locator('.letter-text a.mark').all()) {
    expect(await mark.getAttribute('href')).toMatch(/^\/notes\/[a-z0-9-]+\/$/);
  }
});

test('every claim and request note is marked in the letter', async ({ page }) => {
  await page.goto('./');
  for (const note of notes().filter((n) => n.kind !== 'context')) {
    await expect(page.locator(`.letter-text a.mark[href="/notes/${note.id}/"]`), note.id).toHaveCount(1);
  }
});

test('clicking a mark opens its note, updates the URL and title, and Back closes it', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const mark = page.locator('#mark-market-share');
  await mark.click();
  await expect(page).toHaveURL(/\/notes\/market-share\/$/);
  const note = page.locator('article.note');
  await expect(note.locator('h2')).toBeFocused();
  await expect(note.locator('.note-kind')).toHaveText('Claim');
  await expect(note.locator('.judgement')).toContainText('Verdict');
  expect(await note.locator('.note-sources li').count()).toBeGreaterThanOrEqual(2);
  await expect(page).toHaveTitle(/share of Mexico/);
  await expect(mark).toHaveAttribute('aria-current', 'true');

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article.note')).toHaveCount(0);
  await expect(mark).toBeFocused();
  await expect(page).not.toHaveTitle(/share of Mexico/);
});

test('the close button returns focus to the mark', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('#mark-request-delegation').click();
  await expect(page.locator('article.note .note-kind')).toHaveText('Request 3');
  await expect(page.locator('article.note .judgement')).toContainText(/as of/);
  await page.locator('.note-close').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article.note')).toHaveCount(0);
  await expect(page.locator('#mark-request-delegation')).toBeFocused();
});

test('by keyboard: Tab to a mark, Enter opens, Escape closes and focus returns', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  // Tab from the top of the page until the first mark of the letter has focus.
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.classList.contains('mark') && !!document.activeElement.closest('.letter-text'));
  }
  expect(found).toBe(true);
  const id = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.press('Enter');
  await expect(page.locator('#note-title')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/notes/${id.replace('mark-', '')}/$`));
  // Tab moves through the note's own controls.
  await page.keyboard.press('Tab');
  await expect(page.locator('.note-close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('article.note')).toHaveCount(0);
  await expect(page.locator(`#${id}`)).toBeFocused();
  await expect(page).toHaveURL(/\/$/);
});

test('a note page shows the note beside the passage that marks it, with its own title and description', async ({ page }) => {
  const response = await page.goto('notes/request-security-review/');
  expect(response.status()).toBe(200);
  await ready(page);
  await expect(page.locator('#note-title')).toBeVisible();
  await expect(page.locator('article.note .note-kind')).toHaveText('Request 2');
  await expect(page.locator('.letter-text')).toContainText('Establish a national security review process');
  await expect(page.locator('#mark-request-security-review')).toHaveAttribute('aria-current', 'true');
  const note = notes().find((n) => n.id === 'request-security-review');
  expect(await page.title()).toContain(note.title);
  // Its description is the note's own summary, for search results and link previews.
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', note.summary);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', note.summary);
  // Only that passage of the letter, not the whole letter, and a link to the letter at the mark.
  await expect(page.locator('.letter-text')).not.toContainText('As you prepare to take office');
  await expect(page.locator('.letter-text [id^="p-"]')).toHaveCount(0);
  await expect(page.locator('a.whole-letter')).toHaveAttribute('href', '/#mark-request-security-review');
  // Closing the note goes to the whole letter, at the note's mark.
  await page.locator('.note-close').click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/#mark-request-security-review$/);
  await ready(page);
  await expect(page.locator('article.note')).toHaveCount(0);
  await expect(page.locator('.letter-text')).toContainText('As you prepare to take office');
  await expect(page.locator('#mark-request-security-review')).toBeFocused();
});

test('Escape on a note page goes to the letter at the mark, and Back returns to the note page', async ({ page }) => {
  const note = notes().find((n) => n.id === 'request-security-review');
  await page.goto('notes/request-security-review/');
  await ready(page);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/#mark-request-security-review$/);
  await ready(page);
  await expect(page.locator('article.note')).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/notes\/request-security-review\/$/);
  await ready(page);
  await expect(page.locator('#note-title')).toHaveText(note.title);
  await expect(page.locator('#mark-request-security-review')).toHaveAttribute('aria-current', 'true');
});

test('every note page holds its note and the passages marking it, never the whole letter', async ({ request }) => {
  const letter = await (await request.get('./')).text();
  const marksIn = (html) => (html.match(/<a [^>]*class="mark /g) || []).length;
  expect(marksIn(letter)).toBeGreaterThan(10);
  for (const note of notes()) {
    const html = await (await request.get(`notes/${note.id}/`)).text();
    expect(marksIn(html), note.id).toBeLessThan(marksIn(letter) / 2);
    expect(html, note.id).not.toContain('id="p-1"');
    expect(html, note.id).toContain('class="whole-letter"');
    // A note the letter marks has its mark on its page, and the link to the letter goes to that mark.
    if (letter.includes(`id="mark-${note.id}"`)) {
      expect(html, note.id).toContain(`id="mark-${note.id}"`);
      expect(html, note.id).toContain(`href="/#mark-${note.id}"`);
    }
  }
});

test('the app opens a note from its fragment, the article alone, never from the note page', async ({ page }) => {
  const asked = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'fetch') asked.push(new URL(req.url()).pathname);
  });
  await page.goto('./');
  await ready(page);
  await page.locator('#mark-market-share').click();
  await expect(page.locator('#note-title')).toBeFocused();
  expect(asked).toContain('/notes/market-share/note.html');
  expect(asked.filter((p) => /^\/notes\/[^/]+\/$/.test(p))).toEqual([]);
  const fragment = await (await page.request.get('notes/market-share/note.html')).text();
  expect(fragment).toMatch(/^<!DOCTYPE html><html lang="en">/);
  expect(fragment).not.toContain('letter-text');
  expect(fragment).not.toContain('<script');
  expect(fragment.length).toBeLessThan(20000);
});

test('Forward after Back opens the notes again, in order', async ({ page }) => {
  const title = (id) => notes().find((n) => n.id === id).title;
  await page.goto('./');
  await ready(page);
  await page.locator('#mark-data-collection').click();
  await expect(page).toHaveURL(/\/notes\/data-collection\/$/);
  await page.locator('#mark-state-subsidies').click();
  await expect(page).toHaveURL(/\/notes\/state-subsidies\/$/);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator('article.note')).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(/\/notes\/data-collection\/$/);
  await expect(page.locator('#note-title')).toHaveText(title('data-collection'));
  await expect(page.locator('#mark-data-collection')).toHaveAttribute('aria-current', 'true');
  await page.goForward();
  await expect(page).toHaveURL(/\/notes\/state-subsidies\/$/);
  await expect(page.locator('#note-title')).toHaveText(title('state-subsidies'));
  await expect(page).toHaveTitle(new RegExp(title('state-subsidies').slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.locator('#mark-data-collection')).not.toHaveAttribute('aria-current', 'true');
});

// Modified clicks are the browser's, as on any link: a new tab or window with the note's page, and the
// letter left as it was. (On Linux, Meta is not a new-tab key: the browser follows the link itself.)
for (const [label, options, newPage] of [
  ['Ctrl', { modifiers: ['Control'] }, true],
  ['Shift', { modifiers: ['Shift'] }, true],
  ['middle', { button: 'middle' }, true],
  ['Meta (Cmd)', { modifiers: ['Meta'] }, process.platform === 'darwin'],
]) {
  test(`a ${label}-click on a mark is left to the browser, not opened in place`, async ({ page, context }) => {
    await page.goto('./');
    await ready(page);
    await page.evaluate(() => (window.__samePage = true));
    const entries = await page.evaluate(() => history.length);
    const mark = page.locator('#mark-market-share');
    if (newPage) {
      const [opened] = await Promise.all([context.waitForEvent('page'), mark.click(options)]);
      await opened.waitForLoadState();
      expect(new URL(opened.url()).pathname).toBe('/notes/market-share/');
      await expect(opened.locator('#note-title')).toBeVisible();
      await page.waitForTimeout(200);
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
      await expect(page.locator('article.note')).toHaveCount(0);
      await expect(mark).not.toHaveAttribute('aria-current', 'true');
      expect(await page.evaluate(() => [history.length, window.__samePage])).toEqual([entries, true]);
    } else {
      // The browser loads the note's page: a new document, not the app's note in place.
      await mark.click(options);
      await expect(page).toHaveURL(/\/notes\/market-share\/$/);
      await expect(page.locator('#note-title')).toBeVisible();
      expect(await page.evaluate(() => window.__samePage)).toBeUndefined();
    }
  });
}

test('every note page is prerendered with its note open', async ({ request }) => {
  for (const note of notes()) {
    const res = await request.get(`notes/${note.id}/`);
    expect(res.status(), note.id).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<article[^>]*class="note"/);
    expect(html).toMatch(new RegExp(`<title>[^<]*${note.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
});

test('switching notes and going Back walks through them', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('#mark-data-collection').click();
  await expect(page).toHaveURL(/data-collection/);
  await page.locator('#mark-state-subsidies').click();
  await expect(page).toHaveURL(/state-subsidies/);
  await page.goBack();
  await expect(page).toHaveURL(/data-collection/);
  await expect(page.locator('#note-title')).toHaveText(notes().find((n) => n.id === 'data-collection').title);
  await page.goBack();
  await expect(page.locator('article.note')).toHaveCount(0);
});

test('the app adds behaviour to the prerendered page without rendering it again', async ({ page }) => {
  await page.addInitScript(() => {
    window.__removed = 0;
    new MutationObserver((records) => {
      for (const r of records) window.__removed += [...r.removedNodes].filter((n) => n.nodeType === 1).length;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('notes/market-share/');
  await ready(page);
  expect(await page.evaluate(() => window.__removed)).toBe(0);
});

test('a note opened in place is the article of its own page', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('.letter-text a.mark.claim').first().click();
  await expect(page.locator('#note-title')).toBeFocused();
  const [opened, own] = await page.evaluate(async () => {
    const html = await (await fetch(location.pathname)).text();
    const page = new DOMParser().parseFromString(html, 'text/html');
    return [document.querySelector('#notes article.note').outerHTML, page.querySelector('#notes article.note').outerHTML];
  });
  expect(opened.length).toBeGreaterThan(1000);
  expect(opened).toBe(own);
});

test('with its page unreachable, a note link still leads to the note', async ({ page, guard }) => {
  guard.allow404(/\/notes\/[a-z0-9-]+\/note\.html$/);
  // The app cannot fetch any note (neither ahead nor on the click); a click then goes to the note's page
  // the ordinary way.
  let refused = 0;
  await page.route('**/notes/*/note.html', (route) => {
    refused += 1;
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto('./');
  await ready(page);
  const mark = page.locator('.letter-text a.mark.request').first();
  const href = await mark.getAttribute('href');
  await mark.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('#note-title')).toBeVisible();
  expect(refused).toBeGreaterThan(0);
});

/** The notes a page asks for with fetch (their fragments), by their page's path, as they are requested. */
function noteFetches(page) {
  const paths = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    const note = url.pathname.match(/^(\/notes\/[^/]+\/)note\.html$/);
    if (req.resourceType() === 'fetch' && note) paths.push(note[1]);
  });
  return paths;
}

/** The note paths of the letter's marks that are on screen now. */
const marksOnScreen = (page) =>
  page.locator('.letter-text a.mark').evaluateAll((marks) => [
    ...new Set(
      marks
        .filter((m) => {
          const r = m.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        })
        .map((m) => m.getAttribute('href')),
    ),
  ]);

test('the notes of the marks on screen are fetched ahead, once, and opening one fetches nothing', async ({ page }) => {
  const fetched = noteFetches(page);
  await page.goto('./');
  await ready(page);
  const seen = new Set();
  // The notes of the marks on screen, and no others, are fetched when the browser is idle: on the first
  // screen, then as the letter scrolls.
  for (const mark of [null, 'first', 'last']) {
    if (mark) {
      await page
        .locator('.letter-text a.mark')
        [mark]()
        .evaluate((m) => m.scrollIntoView({ block: 'center', behavior: 'instant' }));
    }
    const onScreen = await marksOnScreen(page);
    if (mark) expect(onScreen.length, mark).toBeGreaterThan(0);
    for (const href of onScreen) seen.add(href);
    await expect.poll(() => [...new Set(fetched)].sort()).toEqual([...seen].sort());
  }
  await page.waitForTimeout(300);
  expect([...new Set(fetched)].sort()).toEqual([...seen].sort());
  expect(fetched.length, 'each page once').toBe(seen.size);
  await page.locator('.letter-text a.mark').last().click();
  await expect(page.locator('#note-title')).toBeFocused();
  expect(fetched.length).toBe(seen.size);
});

test('a reader who asks to save data fetches a note only on intent', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  const fetched = noteFetches(page);
  await page.goto('./');
  await ready(page);
  await page.waitForTimeout(1000);
  expect(fetched).toEqual([]);
  const mark = page.locator('.letter-text a.mark').first();
  await mark.hover();
  await expect.poll(() => fetched).toEqual([await mark.getAttribute('href')]);
});

test('the letter and the timeline each load only their own wasm and stylesheets', async ({ page }) => {
  const loaded = async (path) => {
    await page.goto(path);
    await ready(page);
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((l) => l.map((e) => new URL(e.href).pathname));
    return { wasm: files.filter((f) => f.endsWith('.wasm')), sheets };
  };
  const letter = await loaded('./');
  const note = await loaded('notes/market-share/');
  const timeline = await loaded('timeline/');
  const year = await loaded('timeline/2024/');
  // One binary each: the letter's pages share one, the timeline's pages another (none of the letter's code).
  for (const { wasm } of [letter, note, timeline, year]) expect(wasm).toHaveLength(1);
  expect(note.wasm).toEqual(letter.wasm);
  expect(year.wasm).toEqual(timeline.wasm);
  expect(timeline.wasm).not.toEqual(letter.wasm);
  // The letter links the common stylesheet only; the timeline also its own, after it.
  expect(letter.sheets).toHaveLength(1);
  expect(timeline.sheets).toEqual([letter.sheets[0], expect.stringMatching(/\/timeline-[0-9a-f]{16}\.css$/)]);
});

test('a page with the app loads nothing of it before its first paint', async ({ page }) => {
  for (const path of ['./', 'timeline/', 'es/notes/market-share/']) {
    await page.goto(path);
    await ready(page);
    const loaded = () =>
      page.evaluate(() => [
        // The end of the rendering update that painted first (not when the frame reached the screen).
        performance.getEntriesByName('first-paint')[0].paintTime,
        performance
          .getEntriesByType('resource')
          .filter((e) => /\/(offline|letter-explainer)-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(e.name))
          .map((e) => [e.name, e.startTime]),
      ]);
    // The offline script, the glue and the wasm: each asked for only once the page was painted.
    await expect.poll(async () => (await loaded())[1].length, path).toBe(3);
    const [painted, loads] = await loaded();
    for (const [name, start] of loads) expect(start, `${path}: ${name}`).toBeGreaterThanOrEqual(painted);
  }
});
