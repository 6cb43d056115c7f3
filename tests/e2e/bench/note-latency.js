// Time from activating a mark to the note being painted (click → the note's article in the page → two
// animation frames), at 4× CPU throttling over the DevTools protocol. A note opened in place is the
// article of its own prerendered page, fetched once: "first" opens each marked note for the first time
// (fetched after the click, from the local server), "again" opens them again (already fetched, as after a
// pointer or focus has reached the mark). Median of 20 each.
// Usage: node note-latency.js URL. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { chromium } from '@playwright/test';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});

/** Opens the note of the mark with this id and resolves when it is painted. */
const open = (id) =>
  new Promise((resolve) => {
    const mark = document.getElementById(id);
    const href = mark.getAttribute('href');
    const t0 = performance.now();
    mark.click();
    const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    const check = () => {
      const title = document.getElementById('note-title');
      if (title && location.pathname === href) painted();
      else requestAnimationFrame(check);
    };
    check();
  });

const first = [];
const again = [];
// Fresh pages until 20 first openings are measured (a letter has fewer marks than that).
while (first.length < 20) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(process.argv[2]);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const marks = await page.locator('.letter-text a.mark[id]').evaluateAll((as) => as.map((a) => a.id));
  for (const list of [first, again]) {
    for (const id of marks) {
      if (list.length >= 20) break;
      list.push(await page.evaluate(open, id));
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.getElementById('note-title'));
    }
  }
  await page.close();
}
await browser.close();
console.log(
  JSON.stringify({
    cpu_throttling: 4,
    runs: first.length,
    first_open: { median_ms: round(median(first)), max_ms: round(Math.max(...first)) },
    again: { median_ms: round(median(again)), max_ms: round(Math.max(...again)) },
  }),
);
