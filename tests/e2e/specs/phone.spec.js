// Seen on a phone (390 × 844, touch): a note opened from a mark low on the screen is a bottom sheet, and the
// mark is brought above it (a claim, and a request, whose mark is a long passage) (so the reader keeps the passage the note is about), smoothly or, for readers who
// prefer reduced motion, at once; closing the note focuses the mark, still in view. Both editions.
import { test, expect, ready } from './fixtures.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Scrolls the window at once so that the mark's top is at `fraction` of the window's height. */
async function placeMark(page, mark, fraction) {
  await mark.evaluate((m, f) => {
    const top = m.getBoundingClientRect().top + window.scrollY - f * window.innerHeight;
    window.scrollTo({ top, behavior: 'instant' });
  }, fraction);
}

/** The mark's box and the sheet's top, in the window. */
const geometry = (page, mark) =>
  mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, sheetTop: document.getElementById('notes').getBoundingClientRect().top, height: window.innerHeight };
  });

for (const [edition, prefix] of [['', ''], [' (es)', 'es/']]) {
  test(`a mark tapped low on the screen stays in view above the note's sheet, and closing returns to it${edition}`, async ({ page }) => {
    await page.goto(prefix || './');
    await ready(page);
    for (const id of ['market-share', 'request-delegation']) {
      const mark = page.locator(`#mark-${id}`);
      await placeMark(page, mark, 0.8);
      const before = await geometry(page, mark);
      expect(before.top, 'the mark starts in the lower half').toBeGreaterThan(before.height / 2);
      await mark.tap();
      await expect(page.locator('#note-title')).toBeFocused();
      const sheet = page.locator('#notes');
      await expect.poll(async () => (await sheet.boundingBox()).y, 'the sheet covers the lower part').toBeLessThan(before.top);
      // The whole mark above the sheet; a mark taller than the room above it (a long request) starts at the
      // top of the window, so the reader sees its beginning and as much of it as fits.
      await expect
        .poll(async () => {
          const g = await geometry(page, mark);
          const fits = g.bottom - g.top <= g.sheetTop - 32;
          const ok = fits ? g.top >= 0 && g.bottom <= g.sheetTop : g.top >= 0 && g.top <= 32;
          return ok || JSON.stringify(g);
        }, `${id}: the mark is above the sheet`)
        .toBe(true);
      await page.locator('#notes .note-close').tap();
      await expect(mark).toBeFocused();
      await expect(mark).toBeInViewport({ ratio: 1 });
    }
  });
}

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the mark is above the sheet at once', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    const mark = page.locator('#mark-market-share');
    await placeMark(page, mark, 0.85);
    await mark.tap();
    await expect(page.locator('#note-title')).toBeFocused();
    const g = await geometry(page, mark);
    expect(g.top).toBeGreaterThanOrEqual(0);
    expect(g.bottom).toBeLessThanOrEqual(g.sheetTop);
  });
});
