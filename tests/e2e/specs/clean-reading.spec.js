// Clean reading on the letter: "Hide annotations" / "Show annotations" shows the letter's marks as plain text
// (request numbers kept), by mouse and keyboard, in place, with ?annotations=off in the address (kept by a
// reload, the language switch, and a note opened and closed in place); every note still opens by keyboard;
// no styling flashes in before the app; axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ready } from './fixtures.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** How the claim mark `id` looks: its background and bottom border. */
const markLook = (page, id) =>
  page.locator(`#${id}`).evaluate((m) => {
    const s = getComputedStyle(m);
    return { bg: s.backgroundColor, border: s.borderBottomStyle };
  });
const PLAIN = { bg: 'rgba(0, 0, 0, 0)', border: 'none' };

for (const [edition, prefix, hide, show, other] of [
  ['', '', 'Hide annotations', 'Show annotations', 'es/'],
  [' (es)', 'es/', 'Ocultar anotaciones', 'Mostrar anotaciones', ''],
]) {
  test(`annotations hide and show in place, by mouse and keyboard, and the address keeps it${edition}`, async ({ page }) => {
    await page.goto(prefix || './');
    await ready(page);
    const styled = await markLook(page, 'mark-market-share');
    expect(styled).not.toEqual(PLAIN);
    await expect(page.getByRole('link', { name: show })).toBeHidden();

    // Mouse.
    await page.getByRole('link', { name: hide }).click();
    await expect(page).toHaveURL(/\?annotations=off$/);
    expect(await markLook(page, 'mark-market-share')).toEqual(PLAIN);
    // Request numbers stay.
    await expect(page.locator('.letter-text .mark.request .badge').first()).toBeVisible();
    // In place: the same document (no navigation), and focus on the link that now applies.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await expect(page.getByRole('link', { name: show })).toBeFocused();
    await expect(page.getByRole('link', { name: hide })).toBeHidden();

    // Keyboard: Enter on "Show annotations", then again on "Hide annotations".
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/annotations/);
    expect(await markLook(page, 'mark-market-share')).toEqual(styled);
    await expect(page.getByRole('link', { name: hide })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?annotations=off$/);
    expect(await markLook(page, 'mark-market-share')).toEqual(PLAIN);

    // The language switch keeps it.
    const switchLink = page.locator('[data-language-switch]');
    await expect(switchLink).toHaveAttribute('href', new RegExp(`/${other}\\?annotations=off$`));

    // Every note is still reachable by keyboard: tab to a mark, Enter opens it; the address keeps clean
    // reading, and so does closing it.
    await page.locator('#mark-market-share').focus();
    let next = '';
    for (let i = 0; i < 10 && !next.startsWith('mark-'); i++) {
      await page.keyboard.press('Tab');
      next = await page.evaluate(() => document.activeElement.id);
    }
    expect(next, 'the next mark in the tab order').toMatch(/^mark-/);
    expect(next).not.toBe('mark-market-share');
    await page.keyboard.press('Enter');
    await expect(page.locator('#note-title')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`/${prefix}notes/${next.slice(5)}/\\?annotations=off$`));
    await expect(switchLink).toHaveAttribute('href', new RegExp(`/${other}notes/${next.slice(5)}/\\?annotations=off$`));
    await page.keyboard.press('Escape');
    await expect(page.locator(`#${next}`)).toBeFocused();
    await expect(page).toHaveURL(/\?annotations=off$/);

    // A reload keeps it, from the first paint (before the app).
    await page.addInitScript(() => {
      const look = () => {
        const mark = document.getElementById('mark-market-share');
        if (!mark) return requestAnimationFrame(look);
        window.__firstLook = getComputedStyle(mark).backgroundColor;
      };
      requestAnimationFrame(look);
    });
    await page.reload();
    await page.waitForFunction(() => window.__firstLook !== undefined);
    expect(await page.evaluate(() => window.__firstLook)).toBe(PLAIN.bg);
    await ready(page);
    expect(await markLook(page, 'mark-market-share')).toEqual(PLAIN);

    // Following the language switch arrives in clean reading.
    await switchLink.click();
    await ready(page);
    expect(new URL(page.url()).search).toBe('?annotations=off');
    expect(await markLook(page, 'mark-market-share')).toEqual(PLAIN);
    await expect(page.getByRole('link', { name: other ? 'Mostrar anotaciones' : 'Show annotations' })).toBeVisible();
  });
}

test('a note page opened with ?annotations=off is in clean reading, and axe finds nothing', async ({ page }) => {
  // A note page shows the passages that mark its note (here with the other requests' marks), not the letter.
  for (const [path, mark] of [
    ['notes/request-delegation/?annotations=off', 'mark-request-incentives'],
    ['es/?annotations=off', 'mark-market-share'],
  ]) {
    await page.goto(path);
    await ready(page);
    expect(await markLook(page, mark), path).toEqual(PLAIN);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), path).toEqual([]);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the marks are styled and the control is not offered', async ({ page }) => {
    await page.goto('./?annotations=off');
    await expect(page.locator('.clean-reading')).toBeHidden();
    expect(await markLook(page, 'mark-market-share')).not.toEqual(PLAIN);
  });
});
