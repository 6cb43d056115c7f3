// Times the timeline in headless Chromium at 4× CPU throttling (DevTools protocol): first contentful paint on
// load, and how long a filter change takes to be painted, for each URL given. Each load (RUNS, default 10)
// clicks the first track's checkbox CHANGES times (default 4: off, on, off, on) with real pointer input; each
// time runs from the click event's timestamp to the end of the first frame painted after it (a task posted
// from the next animation-frame callback runs once that frame is painted, as in note-latency.js).
// Usage: node timeline-perf.js URL [URL…]. Prints a JSON array, one object per URL, in order: medians with
// their 95% intervals (bootstrap). Run by `cargo xtask bench`; timings are reported, never asserted.
import { launch } from './chromium.js';
import { median, medianInterval } from './stats.js';

const RUNS = Number(process.env.RUNS || 10);
const CHANGES = Number(process.env.CHANGES || 4);
const CPU = 4;
const round = (x) => Math.round(x * 10) / 10;
const summary = (xs) => ({ median_ms: round(median(xs)), median_95: medianInterval(xs).map(round) });

/** Starts timing in the page: `window.__painted` resolves with the time from the next click to its frame painted. */
const arm = () => {
  window.__painted = new Promise((resolve) => {
    document.addEventListener(
      'click',
      (ev) => {
        const clicked = ev.timeStamp;
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => resolve(performance.now() - clicked);
          after.port2.postMessage(0);
        });
      },
      { capture: true, once: true },
    );
  });
};

const browser = await launch();
const results = [];
for (const url of process.argv.slice(2)) {
  const paints = [];
  const filters = [];
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
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
    const box = page.locator('#timeline-filter input[type=checkbox]').first();
    await box.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    for (let c = 0; c < CHANGES; c++) {
      await page.evaluate(arm);
      await box.click();
      filters.push(await page.evaluate(() => window.__painted));
      await page.waitForTimeout(100);
    }
    if (i === 0) events = await page.locator('li.event').count();
    await context.close();
  }
  results.push({
    url,
    events_on_page: events,
    first_contentful_paint: summary(paints),
    filter_change_painted: summary(filters),
    loads: RUNS,
    changes: filters.length,
  });
}
await browser.close();
console.log(JSON.stringify({ cpu_throttling: CPU, pages: results }));
