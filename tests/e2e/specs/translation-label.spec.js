// The Spanish letter stands beside an unofficial translation: the words "no oficial" are on screen and in
// the accessibility tree at every width, not only where the original and the translation sit side by side.
import { test, expect } from './fixtures.js';

/** The visible texts of the letter that mention "no oficial" and are not hidden from assistive technology. */
const announced = (page) =>
  page.locator('.letter-text.parallel').evaluate((root) => {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/no oficial/i.test(node.textContent)) continue;
      const el = node.parentElement;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (el.closest('[aria-hidden="true"], [hidden]')) continue;
      found.push(el.closest('p, h2, h3, div').textContent.trim());
    }
    return found;
  });

for (const width of [320, 480, 768, 1280]) {
  test(`"no oficial" is seen and announced on the Spanish letter at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('es/');
    const texts = await announced(page);
    expect(texts.length, `visible, announced mentions of "no oficial" at ${width}px`).toBeGreaterThan(0);
    // It comes before the first passage, so a reader meets it first.
    const labelFirst = await page.locator('.letter-text.parallel').evaluate((root) => {
      const label = [...root.querySelectorAll('p')].find((p) => /no oficial/i.test(p.textContent));
      const row = root.querySelector('.parallel-row');
      return Boolean(label && row && label.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(labelFirst).toBe(true);
  });
}
