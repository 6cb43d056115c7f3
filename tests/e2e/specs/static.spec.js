// Without JavaScript every route still shows its full content; the marks lead to prerendered note pages.
import { test, expect, notes, sourceIds, skipUnless } from './fixtures.js';

test.use({ javaScriptEnabled: false });

test('with JavaScript off the letter, its marks and the note pages work', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.letter-text')).toContainText('more than tripling their share');
  await page.locator('#mark-market-share').click();
  await expect(page).toHaveURL(/\/notes\/market-share\/$/);
  await expect(page.locator('#note-title')).toBeVisible();
  await expect(page.locator('article.note .note-sources li').first()).toBeVisible();
  // The note page holds the passage that marks it, not the whole letter; closing the note, or "Read the
  // whole letter", goes to the letter at the mark.
  await expect(page.locator('.letter-text')).toContainText('more than tripling their share');
  await expect(page.locator('.letter-text')).not.toContainText('As you prepare to take office');
  await page.locator('.note-close').click();
  await expect(page).toHaveURL(/\/#mark-market-share$/);
  await expect(page.locator('article.note')).toHaveCount(0);
  await expect(page.locator('.letter-text')).toContainText('As you prepare to take office');
  await page.goBack();
  await page.locator('a.whole-letter').click();
  await expect(page).toHaveURL(/\/#mark-market-share$/);
  // Another mark in a note page's passage leads to that note's page.
  await page.goto('notes/request-security-review/');
  const other = page.locator('.letter-text a.mark:not([aria-current])').first();
  if (await other.count()) {
    const href = await other.getAttribute('href');
    await other.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('#note-title')).toBeVisible();
  }
});

test('with JavaScript off the timeline, sources and about pages are complete', async ({ page }) => {
  await page.goto('timeline/');
  expect(await page.locator('li.event').count()).toBeGreaterThanOrEqual(40);
  await page.goto('sources/');
  const ids = sourceIds();
  await expect(page.locator('.source-list > li')).toHaveCount(ids.length);
  for (const id of ids.slice(0, 10)) await expect(page.locator(`li[id="${id}"]`)).toHaveCount(1);
  await page.goto('about/');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('main')).toContainText(/not (been )?published/);
});

test('the sources page lists each source once, with where it is cited', async ({ page }) => {
  await page.goto('sources/');
  const hrefs = await page.locator('.source-list .citation > a').evaluateAll((as) => as.map((a) => a.href));
  expect(new Set(hrefs).size).toBe(hrefs.length);
  for (const item of await page.locator('.source-list > li').all()) {
    expect(await item.locator('.cited-in a').count()).toBeGreaterThan(0);
  }
  // Outside links never pass a referrer or the opener.
  for (const rel of await page.locator('.source-list .citation > a').evaluateAll((as) => as.map((a) => a.rel))) {
    expect(rel).toContain('noopener');
    expect(rel).toContain('noreferrer');
  }
});

test('every note page reads completely without JavaScript', async ({ page }) => {
  for (const note of notes()) {
    await page.goto(`notes/${note.id}/`);
    await expect(page.locator('#note-title'), note.id).toHaveText(note.title);
    expect(await page.locator('article.note .note-body p').count(), note.id).toBeGreaterThan(0);
  }
});

const pagesToShare = ['', 'notes/market-share/', 'timeline/', 'sources/', 'about/'];

test('with the origin known at build time, pages name their canonical URL and the sitemap lists them', async ({ page, request }) => {
  const origin = process.env.BUILD_ORIGIN;
  skipUnless(origin, 'BUILD_ORIGIN is not set: `cargo xtask e2e` sets it to the origin dist/ was built for');
  for (const path of pagesToShare) {
    await page.goto(path);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}/${path}`);
  }
  const sitemap = await (await request.get('sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${origin}/notes/market-share/</loc>`);
  expect(sitemap).not.toContain('/embed/');
});

test('every page can be found and shared: title, description, Open Graph, robots, JSON-LD', async ({ page, request }) => {
  for (const path of pagesToShare) {
    await page.goto(path);
    expect((await page.title()).length).toBeGreaterThan(10);
    expect((await page.locator('meta[name="description"]').getAttribute('content')).length).toBeGreaterThan(30);
    await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
  }
  const robots = await (await request.get('robots.txt')).text();
  expect(robots).toContain('User-agent: *');
  await page.goto('');
  const article = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(article['@type']).toBe('NewsArticle');
  await page.goto('notes/market-share/');
  const review = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(review['@type']).toBe('ClaimReview');
  expect(review.reviewRating.alternateName).toBe((await page.locator('.judgement strong').textContent()).trim());
  // Requests are not claims: no ClaimReview.
  await page.goto('notes/request-delegation/');
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});

for (const prefix of ['', 'es/']) {
  test(`every ${prefix ? 'Spanish ' : ''}note page has its own link-preview card`, async ({ page, request }) => {
    skipUnless(process.env.BUILD_ORIGIN, 'BUILD_ORIGIN is not set: cards are named by absolute URL, for the origin dist/ was built for');
    const ids = notes().map((n) => n.id);
    const seen = new Set();
    for (const id of ids) {
      await page.goto(`${prefix}notes/${id}/`);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(image).toBe(`${process.env.BUILD_ORIGIN}/${prefix}notes/${id}/card.png`);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      const response = await request.get(new URL(image).pathname);
      expect(response.status()).toBe(200);
      const png = await response.body();
      // The PNG signature, then IHDR's width and height.
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      seen.add(png.toString('base64'));
    }
    expect(seen.size, 'each note has its own card').toBe(ids.length);
    // Readers never need them: the service worker does not save them.
    const sw = await (await request.get('sw.js')).text();
    expect(sw).not.toContain('card.png');
  });
}
