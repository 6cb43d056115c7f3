// Time from a key press in the search box to its results painted, at 4× CPU throttling over the DevTools
// protocol, on each site given (the real content, then the stress pack: 2,000 notes, 5,000 events): every
// key of a few queries typed one at a time, each timed from the keydown event's timestamp to the end of
// the first frame painted after the results changed (a mutation observer sees them change; a task posted
// from that frame's animation-frame callback runs once it is painted). Median with its 95% interval
// (bootstrap), and the stress pack's median over the real content's.
// Usage: node search-latency.js URL [URL]. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { launch } from './chromium.js';
import { median, medianInterval } from './stats.js';

const QUERIES = ['BYD', 'commerce rule', 'Sheinbaum', 'data security', 'connected vehicles', 'tariffs'];
const ROUNDS = 3;
const round = (x) => Math.round(x * 10) / 10;
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

async function measure(url) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const query of QUERIES) {
      await page.locator('#search-q').fill('');
      for (const key of query) {
        await page.evaluate(arm);
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        times.push(await page.evaluate(() => window.__painted));
      }
    }
  }
  await page.close();
  return times;
}

const sites = [];
for (const url of process.argv.slice(2)) sites.push(await measure(url));
await browser.close();
const summary = (xs) => ({ keys: xs.length, median_ms: round(median(xs)), median_95: medianInterval(xs).map(round), max_ms: round(Math.max(...xs)) });
const [real, stress] = sites;
console.log(
  JSON.stringify({
    cpu_throttling: 4,
    real: summary(real),
    ...(stress ? { stress: summary(stress), stress_over_real: round((median(stress) / median(real)) * 100) / 100 } : {}),
  }),
);
