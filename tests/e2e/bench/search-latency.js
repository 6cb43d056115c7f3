// Time from a key press in the search box to its results painted, at 4× CPU throttling over the DevTools
// protocol, on each site given (the real content, then the stress pack: 2,000 notes, 5,000 events), once the
// page has settled (the service worker has saved the site): every key of a few queries typed one at a time,
// each timed from the keydown event's timestamp to the end of the first frame painted after the results
// changed (a mutation observer sees them change; a task posted from that frame's animation-frame callback
// runs once it is painted). Median with its 95% interval
// (bootstrap), and the stress pack's median over the real content's. Then the floor, on the same page: the
// same keys with the app held back and a bare script putting on screen what the app put there for that
// query (the results' HTML as the app left it, the status, the A–Z index and the "no results" shown or not),
// so `over_floor` is the search's cost over the browser's own for the same change (typing, parsing the
// results' HTML, style, layout, paint).
// Usage: node search-latency.js URL [URL]. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { launch, settled } from './chromium.js';
import { median, medianInterval, ratioInterval } from './stats.js';

const QUERIES = ['BYD', 'commerce rule', 'Sheinbaum', 'data security', 'connected vehicles', 'tariffs'];
const ROUNDS = 3;
const round = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
const browser = await launch();

/** Starts timing in the page: `window.__painted` resolves with the time from the next key to its results painted. */
const arm = () => {
  window.__painted = new Promise((resolve) => {
    let pressed = 0;
    document.addEventListener('keydown', (ev) => (pressed = ev.timeStamp), { capture: true, once: true });
    const results = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    const seen = new MutationObserver(() => {
      seen.disconnect();
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => resolve(performance.now() - pressed);
        after.port2.postMessage(0);
      });
    });
    for (const el of [results, status]) seen.observe(el, { childList: true, subtree: true, characterData: true });
  });
};

/** What is on screen for the query in the box, kept under that query in `window.__screens`. */
const record = () => {
  window.__screens ??= {};
  window.__screens[document.getElementById('search-q').value] = {
    results: document.getElementById('search-results').innerHTML,
    status: document.getElementById('search-status').textContent,
    index: document.getElementById('search-index').hidden,
    none: document.getElementById('search-none').hidden,
  };
};

/** From now on the box's input reaches a bare script instead of the app: it puts on screen what the app
 * put there for that query, writing only what differs, as the app does. */
const bare = () => {
  addEventListener(
    'input',
    (ev) => {
      ev.stopImmediatePropagation();
      const screen = window.__screens[ev.target.value];
      if (!screen) throw new Error(`no screen recorded for ${ev.target.value}`);
      const [results, status] = ['search-results', 'search-status'].map((id) => document.getElementById(id));
      const [index, none] = ['search-index', 'search-none'].map((id) => document.getElementById(id));
      if (index.hidden !== screen.index) index.hidden = screen.index;
      if (results.innerHTML !== screen.results) results.innerHTML = screen.results;
      if (none.hidden !== screen.none) none.hidden = screen.none;
      status.textContent = screen.status;
    },
    { capture: true },
  );
};

/** Types every query's keys ROUNDS times; the time of each. `learn`: keeps what each query put on screen. */
async function typeAll(page, learn) {
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const query of QUERIES) {
      await page.locator('#search-q').fill('');
      if (learn) await page.evaluate(record);
      for (const key of query) {
        await page.evaluate(arm);
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        times.push(await page.evaluate(() => window.__painted));
        if (learn) await page.evaluate(record);
      }
    }
  }
  return times;
}

async function measure(url) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await settled(page);
  const times = await typeAll(page, true);
  const results = await page.locator('#search-results li').count();
  if (results === 0) throw new Error(`${url}: the last query found nothing`);
  await page.evaluate(bare);
  const floor = await typeAll(page, false);
  if ((await page.locator('#search-results li').count()) !== results) throw new Error(`${url}: the floor showed other results`);
  await page.close();
  return { times, floor };
}

const sites = [];
for (const url of process.argv.slice(2)) sites.push(await measure(url));
await browser.close();
const summary = (xs) => ({ keys: xs.length, median_ms: round(median(xs)), median_95: medianInterval(xs).map(round), max_ms: round(Math.max(...xs)) });
const site = ({ times, floor }) => ({
  ...summary(times),
  floor: summary(floor),
  over_floor: { median: round2(median(times) / median(floor)), median_95: ratioInterval(times, floor).map(round2) },
});
const [real, stress] = sites;
console.log(
  JSON.stringify({
    cpu_throttling: 4,
    real: site(real),
    ...(stress ? { stress: site(stress), stress_over_real: round2(median(stress.times) / median(real.times)) } : {}),
  }),
);
