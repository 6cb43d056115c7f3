// Time from activating a mark to the note being painted (click → two animation frames, with the note's
// title in the page), at 4× CPU throttling over the DevTools protocol; median of 20.
// Usage: node note-latency.js URL. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { chromium } from '@playwright/test';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(process.argv[2]);
await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
const marks = await page.locator('.letter-text a.mark').evaluateAll((as) => as.map((a) => a.id));
const times = [];
for (let i = 0; i < 20; i++) {
  const id = marks[i % marks.length];
  times.push(
    await page.evaluate(async (id) => {
      const t0 = performance.now();
      document.getElementById(id).click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      if (!document.getElementById('note-title')) throw new Error('the note did not open');
      return performance.now() - t0;
    }, id),
  );
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('note-title'));
}
await browser.close();
console.log(JSON.stringify({ cpu_throttling: 4, runs: times.length, median_ms: Math.round(median(times) * 10) / 10, max_ms: Math.round(Math.max(...times) * 10) / 10 }));
