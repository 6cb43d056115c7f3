// Times the timeline in headless Chromium: first contentful paint on load, and how long a filter change takes
// to be painted (click → two animation frames), median of N runs. Usage: node timeline-perf.js URL [URL…].
// Prints one JSON object per URL. Run by `cargo xtask bench`; timings are reported, never asserted.
import { launch } from './chromium.js';
import { median } from './stats.js';

const runs = Number(process.env.RUNS || 10);

const browser = await launch();
const results = [];
for (const url of process.argv.slice(2)) {
  const paints = [];
  const filters = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // A fast page can reach `load` before its first contentful paint: wait for the entry.
    paints.push(
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            new PerformanceObserver((list) => {
              const fcp = list.getEntriesByName('first-contentful-paint')[0];
              if (fcp) resolve(fcp.startTime);
            }).observe({ type: 'paint', buffered: true }),
          ),
      ),
    );
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    filters.push(
      await page.evaluate(async () => {
        const box = document.querySelector('#track-us');
        const t0 = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      }),
    );
    const events = await page.locator('li.event').count();
    if (i === 0) results.push({ url, events });
    await context.close();
  }
  Object.assign(results[results.length - 1], {
    first_contentful_paint_ms: Math.round(median(paints)),
    filter_change_ms: Math.round(median(filters) * 10) / 10,
    runs,
  });
}
await browser.close();
console.log(JSON.stringify(results));
