// Where the time from a key press to search results painted goes, at 4× CPU throttling: types the same
// queries as search-latency.js on each site given, under a Chromium performance trace, and sums the
// main thread's work per key by kind: the query in the wasm, building the results' DOM, putting it in the
// page, the rest of the page script, style, layout, paint and compositing. The page script is served with
// `performance.measure` marks around its query and its DOM work (the page's integrity attribute is
// dropped for that run only). A tool for finding what to make faster, not a figure for BENCH.md.
// Usage: node search-profile.js URL [URL]. Prints one JSON line per site: milliseconds per key.
import { launch } from './chromium.js';

const QUERIES = ['BYD', 'commerce rule', 'Sheinbaum', 'data security', 'connected vehicles', 'tariffs'];
const browser = await launch();

/** The page script with marks around the query and the DOM work. */
const instrument = (js) =>
  js
    .replace(/const found = ([^;]*);/, "performance.mark('q0'); const found = $1; performance.measure('wasm query', 'q0');")
    .replace(/(results\.replaceChildren\([^;]*;)/, "performance.mark('r0'); $1 performance.measure('results DOM', 'r0');");

async function profile(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/search-page-[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: instrument(await response.text()) });
  });
  await page.route(/\/search\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()).replace(/ integrity="[^"]*"/g, '') });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  let keys = 0;
  for (const query of QUERIES) {
    await page.locator('#search-q').fill('');
    for (const key of query) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      keys++;
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'UpdateLayoutTree'));
  const sums = {};
  const add = (name, us) => (sums[name] = (sums[name] || 0) + us / 1000);
  for (const e of events) {
    if (e.cat?.includes('user_timing') && e.ph === 'b') {
      const end = events.find((x) => x.ph === 'e' && x.name === e.name && x.id === e.id && x.ts >= e.ts);
      if (end) add(e.name, end.ts - e.ts);
    }
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X') continue;
    if (e.name === 'EventDispatch') add(`event ${e.args.data.type}`, e.dur);
    else if (['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'ParseHTML', 'MajorGC', 'MinorGC'].includes(e.name))
      add(e.name, e.dur);
  }
  const perKey = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round((v / keys) * 100) / 100]).sort((a, b) => b[1] - a[1]));
  return { url, keys, ms_per_key: perKey };
}

for (const url of process.argv.slice(2)) console.log(JSON.stringify(await profile(url)));
await browser.close();
