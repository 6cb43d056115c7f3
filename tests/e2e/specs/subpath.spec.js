// The same site built for a sub-path (/letter/) works there: assets, marks, notes, Back, not-found.
import { test, expect, ready, endsWith } from './fixtures.js';

const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';

test('served under /letter/, every link and asset stays under it', async ({ page }) => {
  const failed = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(sub);
  await ready(page);
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(10);
  for (const href of hrefs) expect(href.startsWith('/letter/'), href).toBe(true);
  await page.locator('#mark-market-share').click();
  await expect(page).toHaveURL(/\/letter\/notes\/market-share\/$/);
  await expect(page.locator('#note-title')).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/\/letter\/$/);
  await page.goto(`${sub}notes/mexico-as-base/`);
  await ready(page);
  await expect(page.locator('article.note')).toBeVisible();
  expect(failed).toEqual([]);
});

test('under /letter/, an unknown note is not found, with a way back', async ({ page, guard }) => {
  guard.allow404(endsWith('/letter/notes/nothing-here/'));
  const response = await page.goto(`${sub}notes/nothing-here/`);
  expect(response.status()).toBe(404);
  await expect(page.locator('main a.button')).toHaveAttribute('href', '/letter/');
});
