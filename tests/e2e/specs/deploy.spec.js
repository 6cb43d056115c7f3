// The site as the GitHub Pages workflow builds it: for a sub-path and an origin (`cargo xtask build --base
// /letter/ --origin …`, here dist-sub served at SUB_URL). The smoke journeys of a reader, in both editions,
// and every absolute URL the origin brings pointing under the sub-path.
import { test, expect, ready, endsWith } from './fixtures.js';

const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';
const origin = process.env.SUB_BUILD_ORIGIN || 'http://127.0.0.1:4174';
const site = `${origin}/letter/`;

/** Collects every response of 400 or more. */
function noFailures(page) {
  const failed = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return failed;
}

for (const prefix of ['', 'es/']) {
  test(`/${prefix}: a reader opens a note in place, the timeline, the sources and about, all under the sub-path`, async ({ page, guard }) => {
    const failed = noFailures(page);
    await page.goto(`${sub}${prefix}`);
    await ready(page);
    await page.locator('.letter-text a.mark[id="mark-market-share"]').click();
    await expect(page).toHaveURL(`${sub}${prefix}notes/market-share/`);
    await expect(page.locator('#note-title')).toBeFocused();
    await page.goBack();
    await expect(page).toHaveURL(`${sub}${prefix}`);
    for (const path of ['timeline/', 'sources/', 'about/', 'notes/mexico-as-base/']) {
      const response = await page.goto(`${sub}${prefix}${path}`);
      expect(response.status(), path).toBe(200);
      await expect(page.locator('main h1, main #note-title').first(), path).toBeVisible();
    }
    expect(failed).toEqual([]);
    // The not-found page, on purpose: the only 404 this test expects.
    guard.allow404(endsWith(`/letter/${prefix}nothing/here/`));
    const missing = await page.goto(`${sub}${prefix}nothing/here/`);
    expect(missing.status()).toBe(404);
    await expect(page.locator('main a.button')).toHaveAttribute('href', `/letter/${prefix}`);
  });
}

test('every absolute URL names the origin and the sub-path: canonical, hreflang, sitemap, oEmbed, annotations', async ({ page, request }) => {
  await page.goto(`${sub}notes/market-share/`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site}notes/market-share/`);
  await expect(page.locator('link[hreflang="es"]')).toHaveAttribute('href', `${site}es/notes/market-share/`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', `${site}notes/market-share/card.png`);

  const robots = await (await request.get(`${sub}robots.txt`)).text();
  expect(robots).toContain(`Sitemap: ${site}sitemap.xml`);
  const sitemap = await (await request.get(`${sub}sitemap.xml`)).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.length).toBeGreaterThan(20);
  for (const loc of locs) expect(loc.startsWith(site), loc).toBe(true);

  const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
  expect(oembed.startsWith(`${site}oembed/`)).toBe(true);
  const doc = await (await request.get(oembed.replace(origin, new URL(sub).origin))).json();
  expect(doc.html).toContain(`src="${site}embed/notes/market-share/"`);

  for (const prefix of ['', 'es/']) {
    const collection = await (await request.get(`${sub}${prefix}annotations.jsonld`)).json();
    expect(collection.id).toBe(`${site}${prefix}annotations.jsonld`);
    for (const a of collection.first.items) {
      expect(a.target.source).toBe(`${site}${prefix}`);
      expect(a.body.find((b) => b.format === 'text/html').id.startsWith(`${site}${prefix}notes/`)).toBe(true);
    }
  }
});

test('_headers sets each policy under the sub-path', async ({ request }) => {
  const headers = await (await request.get(`${sub}_headers`)).text();
  const paths = headers.split('\n').filter((l) => l && !l.startsWith(' '));
  expect(paths.length).toBeGreaterThan(10);
  for (const path of paths) expect(path.startsWith('/letter/'), path).toBe(true);
  expect(headers.startsWith('/letter/*\n  Content-Security-Policy:')).toBe(true);
  expect(headers).toContain("/letter/es/notes/*\n  Content-Security-Policy: default-src 'self';");
});
