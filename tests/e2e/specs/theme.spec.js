// The theme: a control in the header (automatic, light, dark), remembered on this device and applied before
// the first paint on every route (online, offline, after a reload), by mouse and keyboard, in both editions;
// automatic follows the system, with or without JavaScript; embeds follow their host's ?theme= and ignore a
// stored choice; printing is always light.
import { test, expect, ready, endsWith } from './fixtures.js';

const KEY = 'letter-explainer-theme';
const LIGHT_BG = 'rgb(253, 252, 248)'; // --bg, light
const DARK_BG = 'rgb(21, 23, 26)'; // --bg, dark

/** Records, from the document's creation on, the theme and colours of the page's first frames: the first
 * frame at all, and the first one with a body (what a reader sees first), and the theme when the body was
 * created (before any of it can be painted). */
async function probeFirstPaint(page) {
  await page.addInitScript(() => {
    // Init scripts run before the document has its <html> element: read it when needed.
    const frame = () => ({
      theme: document.documentElement?.dataset.theme ?? null,
      scheme: document.documentElement ? getComputedStyle(document.documentElement).colorScheme : null,
      bg: document.body ? getComputedStyle(document.body).backgroundColor : null,
    });
    window.__frames = [];
    const watch = new MutationObserver(() => {
      if (!document.body) return;
      window.__themeAtBody = document.documentElement.dataset.theme ?? null;
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
    const tick = () => {
      window.__frames.push(frame());
      if (!document.body) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** What the probe saw, once the page has painted a frame with its body. */
async function firstPaint(page) {
  await page.waitForFunction(() => window.__frames?.some((f) => f.bg));
  return page.evaluate(() => ({ atBody: window.__themeAtBody, first: window.__frames[0], withBody: window.__frames.find((f) => f.bg) }));
}

async function expectPaintedDark(page, label) {
  const seen = await firstPaint(page);
  expect(seen.atBody, `${label}: data-theme when the body began`).toBe('dark');
  expect(seen.first.theme, `${label}: first frame`).toBe('dark');
  expect(seen.first.scheme, `${label}: first frame`).toBe('dark');
  expect(seen.withBody.bg, `${label}: first frame with the body`).toBe(DARK_BG);
}

const bodyBg = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const [edition, prefix, name, choices] of [
  ['', '', 'Theme', ['Automatic', 'Light', 'Dark']],
  [' (es)', 'es/', 'Tema', ['Automático', 'Claro', 'Oscuro']],
]) {
  test(`the header's theme control chooses by mouse and keyboard and is remembered${edition}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${prefix}about/`);
    const group = page.getByRole('group', { name });
    await expect(group).toBeVisible();
    const [auto, light, dark] = choices.map((c) => group.getByRole('button', { name: c, exact: true }));
    await expect(auto).toHaveAttribute('aria-pressed', 'true');
    await expect(dark).toHaveAttribute('aria-pressed', 'false');
    expect(await bodyBg(page)).toBe(LIGHT_BG);

    // Mouse.
    await dark.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(dark).toHaveAttribute('aria-pressed', 'true');
    await expect(auto).toHaveAttribute('aria-pressed', 'false');
    expect(await bodyBg(page)).toBe(DARK_BG);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('dark');

    // Keyboard: Tab from Dark back to Light (Shift+Tab), Space; then Enter on Automatic.
    await page.keyboard.press('Shift+Tab');
    await expect(light).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(light).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Shift+Tab');
    await expect(auto).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
    // Automatic stores nothing, and follows the system.
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bodyBg(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });

    // Remembered: another page of the other edition, and a reload, paint dark from their first frame.
    await dark.click();
    await probeFirstPaint(page);
    await page.goto(prefix ? './' : 'es/');
    await expectPaintedDark(page, 'the other edition');
    await page.reload();
    await expectPaintedDark(page, 'reload');
    await expect(page.getByRole('button', { name: prefix ? 'Dark' : 'Oscuro', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });
}

test('a stored theme is painted first on every kind of route, in both editions', async ({ page, guard }) => {
  test.slow();
  guard.allow404(endsWith('no-such-page/'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript((k) => localStorage.setItem(k, 'dark'), KEY);
  await probeFirstPaint(page);
  const routes = ['', 'notes/market-share/', 'timeline/', 'sources/', 'about/', 'corrections/', 'search/', 'print/', 'no-such-page/'];
  for (const route of [...routes, ...routes.map((r) => `es/${r}`)]) {
    await page.goto(route || './');
    await expectPaintedDark(page, route || '/');
  }
  // A stored light theme wins over a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript((k) => localStorage.setItem(k, 'light'), KEY);
  await page.goto('timeline/');
  await ready(page);
  expect(await bodyBg(page)).toBe(LIGHT_BG);
});

test('offline, pages from the service worker keep the stored theme from their first paint', async ({ page, context }) => {
  test.slow();
  await page.goto('about/');
  await expect(page.locator('.offline-notices [data-kind="ready"]')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await context.setOffline(true);
  await probeFirstPaint(page);
  for (const route of ['timeline/', 'es/notes/market-share/', 'sources/']) {
    const response = await page.goto(route);
    expect(response.fromServiceWorker(), route).toBe(true);
    await expectPaintedDark(page, `offline ${route}`);
  }
  await page.reload();
  await expectPaintedDark(page, 'offline reload');
  await context.setOffline(false);
});

test('open pages follow a choice made in another tab', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto('./');
  await two.goto('sources/');
  await one.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(two.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(two.getByRole('button', { name: 'Dark', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('embeds follow the host’s ?theme= and ignore a stored choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript((k) => localStorage.setItem(k, 'light'), KEY);
  await page.goto('embed/notes/market-share/?theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyBg(page)).toBe(DARK_BG);
  await page.addInitScript((k) => localStorage.setItem(k, 'dark'), KEY);
  for (const path of ['embed/letter/', 'es/embed/timeline/']) {
    await page.goto(path);
    if (path.includes('letter') || path.includes('timeline')) await ready(page);
    expect(await bodyBg(page), path).toBe(LIGHT_BG);
    // No display script in embeds, and no control: nothing of the full site's theme.
    await expect(page.locator('script[src*="/display-"]')).toHaveCount(0);
    await expect(page.locator('.theme-control')).toHaveCount(0);
  }
});

test('printing is light whatever the theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript((k) => localStorage.setItem(k, 'dark'), KEY);
  for (const path of ['print/', 'notes/market-share/']) {
    await page.goto(path);
    expect(await bodyBg(page), `${path} on screen`).toBe(DARK_BG);
    await page.emulateMedia({ media: 'print' });
    expect(await bodyBg(page), `${path} printed`).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
    await page.emulateMedia({ media: 'screen' });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' });
  test('the theme follows the system and there is no control to use', async ({ page }) => {
    for (const path of ['./', 'es/about/']) {
      await page.goto(path);
      expect(await bodyBg(page), path).toBe(DARK_BG);
      await expect(page.locator('.theme-control'), path).toBeHidden();
    }
  });
});
