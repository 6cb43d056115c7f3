// "At a glance" on the letter page and /about/: claims by verdict and requests by status, in words, each a
// link to its note; on the letter page a note opens in place from it.
import { test, expect, ready, notes } from './fixtures.js';

for (const [edition, prefix, heading, words] of [
  ['', '', 'At a glance', /Needs context \(\d+\)/],
  [' (es)', 'es/', 'De un vistazo', /Necesita contexto \(\d+\)/],
]) {
  test(`the scorecard names each verdict and status in words and opens notes${edition}`, async ({ page }) => {
    await page.goto(prefix || './');
    await ready(page);
    const card = page.getByRole('region', { name: heading });
    await expect(card).toBeVisible();
    await expect(card.locator('dt').first()).toBeVisible();
    await expect(card).toContainText(words);
    const claims = notes().filter((n) => n.kind === 'claim').length;
    await expect(card.locator('dd a')).toHaveCount(claims);
    await expect(card.locator('ol li')).toHaveCount(3);
    await expect(card.locator('ol li time')).toHaveCount(3);
    // A claim opens beside the letter, as its mark would.
    await card.locator('a[href$="/notes/market-share/"]').click();
    await expect(page).toHaveURL(/notes\/market-share\/$/);
    await expect(page.locator('#note-title')).toBeVisible();
    await page.goto(`${prefix}about/`);
    await expect(page.getByRole('region', { name: heading })).toBeVisible();
  });
}
