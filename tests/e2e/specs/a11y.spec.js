// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) on every kind of page and state,
// in both editions (English and /es/), in light and dark themes (the system's, and dark chosen in the header)
// and with JavaScript off; and no horizontal scrolling at 320 CSS px (400% zoom).
import { test, expect, ready, endsWith } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `${label}:\n${summary.join('\n')}`).toEqual([]);
}

const english = [
  ['letter', './', true],
  ['note open', 'notes/market-share/', true],
  ['request note', 'notes/request-delegation/', true],
  ['timeline', 'timeline/', true],
  ['sources', 'sources/', false],
  ['about', 'about/', false],
  ['corrections', 'corrections/', false],
  ['not found', 'no-such-page/', false],
  ['embed note', 'embed/notes/state-subsidies/', false],
  ['embed letter', 'embed/letter/', true],
  ['embed timeline', 'embed/timeline/', true],
  ['print edition', 'print/', false],
];
// The Spanish edition: the same pages under es/ (the letter beside its translation).
const spanish = english.map(([label, path, app]) => [`${label} (es)`, `es/${path.replace('./', '')}`, app]);
const pages = [...english, ...spanish];

// The system's light and dark (the automatic theme), and dark chosen with the header's control on a light
// system (stored on the device: embeds ignore it and stay light).
for (const [scheme, system, stored] of [['light', 'light', null], ['dark', 'dark', null], ['chosen dark', 'light', 'dark']]) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: system });
    for (const [label, path, app] of pages) {
      test(`axe finds nothing on ${label}`, async ({ page, guard }) => {
        // The print edition is the whole site on one page (over a thousand links): axe needs longer.
        if (label.startsWith('print edition')) test.slow();
        if (label.startsWith('not found')) guard.allow404(endsWith(path));
        if (stored) await page.addInitScript((theme) => localStorage.setItem('letter-explainer-theme', theme), stored);
        await page.goto(path);
        if (stored && !label.startsWith('embed')) await expect(page.locator('html')).toHaveAttribute('data-theme', stored);
        if (app) await ready(page);
        await expectNoViolations(page, `${label} (${scheme})`);
      });
    }
  });
}

for (const [edition, prefix] of [['', ''], [' (es)', 'es/']]) {
  test(`axe finds nothing with a note opened in place and the timeline filtered${edition}`, async ({ page }) => {
    await page.goto(prefix || './');
    await ready(page);
    await page.locator('#mark-mexico-as-base').click();
    await expect(page.locator('#note-title')).toBeFocused();
    await expectNoViolations(page, `note opened in place${edition}`);
    await page.goto(`${prefix}timeline/?tracks=canada`);
    await ready(page);
    await expectNoViolations(page, `timeline filtered${edition}`);
  });
}

// Without the app: the prerendered HTML as a reader with JavaScript off gets it (axe itself needs
// JavaScript, so the page is served with its script tags removed instead).
test.describe('without the app', () => {
  for (const [label, path] of [...english.slice(0, 4), ...spanish.slice(0, 4)]) {
    test(`axe finds nothing on ${label} without the app`, async ({ page }) => {
      await page.route(
        (url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html'),
        async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script[^>]*><\/script>/g, '');
          await route.fulfill({ response, body });
        },
      );
      await page.goto(path);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBeUndefined();
      await expectNoViolations(page, `${label} (no JS)`);
    });
  }
});

test.describe('400% zoom (320 CSS px wide)', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const [label, path, app] of pages) {
    test(`no horizontal scrolling on ${label}`, async ({ page, guard }) => {
      if (label.startsWith('not found')) guard.allow404(endsWith(path));
      await page.goto(path);
      if (app) await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, label).toBeLessThanOrEqual(0);
    });
  }
  for (const [edition, prefix] of [['', ''], [' (es)', 'es/']]) {
    test(`an open note is a readable bottom sheet at 320 px${edition}`, async ({ page }) => {
      await page.goto(prefix || './');
      await ready(page);
      await page.locator('#mark-market-share').click();
      const sheet = page.locator('.notes-column');
      await expect(sheet).toBeVisible();
      const box = await sheet.boundingBox();
      expect(box.width).toBeLessThanOrEqual(320);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('reduced motion', () => {
  // The test's own (guarded) context, with reduced motion.
  test.use({ reducedMotion: 'reduce' });
  test('is honoured: no smooth scrolling', async ({ page }) => {
    await page.goto('./');
    const behaviour = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    expect(behaviour).toBe('auto');
  });
});
