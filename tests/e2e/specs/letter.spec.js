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

test('a deep link opens the letter with the note open, with its own title and description', async ({ page }) => {
  const response = await page.goto('notes/request-security-review/');
  expect(response.status()).toBe(200);
  await ready(page);
  await expect(page.locator('#note-title')).toBeVisible();
  await expect(page.locator('article.note .note-kind')).toHaveText('Request 2');
  await expect(page.locator('.letter-text')).toContainText('Establish a national security review process');
  const title = await page.title();
  expect(title).toContain((notes().find((n) => n.id === 'request-security-review')).title);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description.length).toBeGreaterThan(30);
  // Closing a note that the page was loaded with goes to the letter.
  await page.locator('.note-close').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article.note')).toHaveCount(0);
});

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

test('with its page unreachable, a note link still leads to the note', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const mark = page.locator('.letter-text a.mark.request').first();
  const href = await mark.getAttribute('href');
  // The app cannot fetch the note's page once; the click then goes to that page the ordinary way.
  let refused = false;
  await page.route(`**${href}`, (route) => {
    if (refused || route.request().resourceType() === 'document') return route.continue();
    refused = true;
    return route.fulfill({ status: 404, body: '' });
  });
  await mark.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('#note-title')).toBeVisible();
  expect(refused).toBe(true);
});
