// Times the timeline in headless Chromium at 4× CPU throttling (DevTools protocol): first contentful paint on
// load, and how long a filter change takes to be painted, for each URL given, the URLs' loads in turn. Each
// load (RUNS per URL, default 16), once the page has settled (the service worker has saved the site), clicks
// the first track's checkbox CHANGES times (default 4: off, on, off, on) with real pointer input; each
// time runs from the click event's timestamp to the end of the first frame painted after it (a task posted
// from the next animation-frame callback runs once that frame is painted, as in note-latency.js). Then the
// floor, in the same load: the same clicks with the app's handler held back and a bare script making the same
// change to the page (each event's and each year's visibility), so `filter_over_floor` is our cost over the
// browser's own for that change.
// Usage: node timeline-perf.js URL [URL…]. Prints a JSON array, one object per URL, in order: medians with
// their 95% intervals (bootstrap). Run by `cargo xtask bench`; timings are reported, never asserted.
import { launch, settled } from './chromium.js';
import { median, medianInterval, ratioInterval } from './stats.js';

const RUNS = Number(process.env.RUNS || 16);
const CHANGES = Number(process.env.CHANGES || 4);
const CPU = 4;
const round = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
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

/** From now on a change of the filter reaches a bare script instead of the app: it shows and hides the same
 * events and years by the same classes, attributes and CSS (the app's own work: the URL, the count, the
 * checkboxes' sync, is left out). */
const bare = () => {
  addEventListener(
    'change',
    (ev) => {
      ev.stopImmediatePropagation();
      // The letter's own events are always shown.
      const on = new Set(['t-letter', ...[...document.querySelectorAll('input[name=tracks]:checked')].map((b) => `t-${b.value}`)]);
      for (const year of document.querySelectorAll('#main section.year')) {
        let any = false;
        for (const event of year.querySelectorAll('li.event')) {
          const show = [...event.classList].some((c) => on.has(c));
          any ||= show;
          if (event.classList.contains('filtered-out') === show) event.classList.toggle('filtered-out', !show);
        }
        if (year.hidden === any) year.hidden = !any;
      }
    },
    { capture: true },
  );
};

/** Stops the bench if change `c` (off, on, off, on…) did not hide events, or did not show them all again. */
async function changed(page, c) {
  const hidden = await page.locator('li.event.filtered-out').count();
  if ((c % 2 === 0) !== hidden > 0) throw new Error(`change ${c} left ${hidden} events filtered out`);
  return hidden;
}

const browser = await launch();
const urls = process.argv.slice(2);
const measured = urls.map((url) => ({ url, paints: [], filters: [], floors: [], hides: 0, events: 0 }));
// The loads alternate between the URLs (one load of each in turn), so that a slower stretch of the machine
// weighs on every page alike and the ratios between them hold.
for (let i = 0; i < RUNS; i++) {
  for (const m of measured) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.goto(m.url, { waitUntil: 'load' });
    // A fast page can reach `load` before its first contentful paint: wait for the entry.
    m.paints.push(
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
    await settled(page);
    const box = page.locator('#timeline-filter input[type=checkbox]').first();
    await box.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    for (let c = 0; c < CHANGES; c++) {
      await page.evaluate(arm);
      await box.click();
      m.filters.push(await page.evaluate(() => window.__painted));
      const hidden = await changed(page, c);
      if (i === 0 && c === 0) m.hides = hidden;
      await page.waitForTimeout(100);
    }
    await page.evaluate(bare);
    for (let c = 0; c < CHANGES; c++) {
      await page.evaluate(arm);
      await box.click();
      m.floors.push(await page.evaluate(() => window.__painted));
      await changed(page, c);
      await page.waitForTimeout(100);
    }
    if (i === 0) m.events = await page.locator('li.event').count();
    await context.close();
  }
}
await browser.close();
const results = measured.map(({ url, paints, filters, floors, hides, events }) => ({
  url,
  events_on_page: events,
  events_the_change_hides: hides,
  first_contentful_paint: summary(paints),
  filter_change_painted: summary(filters),
  filter_change_floor: summary(floors),
  filter_over_floor: { median: round2(median(filters) / median(floors)), median_95: ratioInterval(filters, floors).map(round2) },
  loads: RUNS,
  changes: filters.length,
}));
console.log(JSON.stringify({ cpu_throttling: CPU, pages: results }));
