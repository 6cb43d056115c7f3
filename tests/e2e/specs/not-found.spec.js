// Unknown addresses: a helpful page with a way back, never a blank screen.
import { test, expect, endsWith } from './fixtures.js';

for (const path of ['notes/no-such-note/', 'no/such/page', 'timeline/extra/']) {
  test(`an unknown address (${path}) shows the not-found page`, async ({ page, guard }) => {
    guard.allow404(endsWith(path));
    const response = await page.goto(path);
    expect(response.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    const back = page.locator('main a.button');
    await expect(back).toHaveAttribute('href', '/');
    expect(await page.locator('main li a').count()).toBeGreaterThan(10);
    await back.click();
    await expect(page.locator('.letter-text')).toBeVisible();
  });
}
