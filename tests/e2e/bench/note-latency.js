// Time from activating a mark to the note being painted, at 4× CPU throttling over the DevTools protocol,
// median of 40 (with its 95% interval) for each of three cases:
//   first_open  the first opening of each mark, as a reader makes it: the mark is scrolled into view and on
//               screen for a second, then the pointer moves onto it and clicks (real input events). The
//               app has fetched the note while the mark was on screen and the browser idle. The budget.
//   again       the same marks opened again.
//   cold        nothing fetched before the click: the reader's browser asks to save data (the app then
//               fetches no note ahead), and the mark is clicked by script the moment it is in view, without
//               a pointer over it. The note's fragment is fetched and parsed after the click.
//   floor       the browser's own cost of showing a note: the same article element (the note's fragment,
//               fetched, parsed and adopted before the click) inserted into the same page, its prompt
//               hidden and its title focused by a bare script listening for the click (the app's listener
//               never sees it), with the same real pointer input and the same measurement.
// The ratios of each case to the floor are in `over_floor`.
// Each time runs from the click event's timestamp to the end of the first frame painted with the note in
// the page: a mutation observer sees the note's title arrive, then a task posted from that frame's
// animation-frame callback runs once the frame is painted.
// Usage: node note-latency.js URL. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { launch } from './chromium.js';
import { median, medianInterval } from './stats.js';

const RUNS = 40;
const round = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
const summary = (xs) => ({ median_ms: round(median(xs)), median_95: medianInterval(xs).map(round), max_ms: round(Math.max(...xs)) });
const browser = await launch();

/** Starts timing in the page: `window.__painted` resolves with the time from the next click to the note painted. */
const arm = () => {
  window.__painted = new Promise((resolve) => {
    let clicked = 0;
    document.addEventListener('click', (ev) => (clicked = ev.timeStamp), { capture: true, once: true });
    const seen = new MutationObserver(() => {
      if (!document.getElementById('note-title')) return;
      seen.disconnect();
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => resolve(performance.now() - clicked);
        after.port2.postMessage(0);
      });
    });
    seen.observe(document.getElementById('notes'), { childList: true, subtree: true });
  });
};

/** A fresh throttled page at the letter, ready; and the ids of its marks, one per note. */
async function letter(url, { saveData }) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  if (saveData) await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  // One mark per note: a second mark of a note already opened would not be a first opening.
  const marks = await page
    .locator('.letter-text a.mark[id]')
    .evaluateAll((as) => as.filter((a, i) => as.findIndex((b) => b.href === a.href) === i).map((a) => a.id));
  return { page, marks };
}

async function close(page) {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('note-title'));
}

const first = [];
const again = [];
while (first.length < RUNS) {
  const { page, marks } = await letter(process.argv[2], { saveData: false });
  for (const list of [first, again]) {
    for (const id of marks) {
      if (list.length >= RUNS) break;
      const mark = page.locator(`#${id}`);
      if (list === first) {
        await mark.evaluate((m) => m.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(1000);
      }
      await page.evaluate(arm);
      await mark.click();
      list.push(await page.evaluate(() => window.__painted));
      await close(page);
    }
  }
  await page.close();
}

// The floor: a bare script does what the app does on a click, with everything it needs ready.
const floor = [];
while (floor.length < RUNS) {
  const { page, marks } = await letter(process.argv[2], { saveData: true });
  for (const id of marks) {
    if (floor.length >= RUNS) break;
    await page.evaluate(async (id) => {
      const mark = document.getElementById(id);
      const url = mark.getAttribute('href') + 'note.html';
      const parsed = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      const article = document.adoptNode(parsed.querySelector('article.note'));
      mark.addEventListener(
        'click',
        (ev) => {
          ev.preventDefault();
          ev.stopImmediatePropagation();
          document.getElementById('notes').append(article);
          document.querySelector('#notes .no-note').hidden = true;
          document.getElementById('note-title').focus();
        },
        { capture: true, once: true },
      );
      mark.scrollIntoView({ block: 'center' });
    }, id);
    await page.waitForTimeout(200);
    await page.evaluate(arm);
    await page.locator(`#${id}`).click();
    floor.push(await page.evaluate(() => window.__painted));
    await page.evaluate(() => {
      document.querySelector('#notes article.note').remove();
      document.querySelector('#notes .no-note').hidden = false;
    });
  }
  await page.close();
}

const cold = [];
while (cold.length < RUNS) {
  const { page, marks } = await letter(process.argv[2], { saveData: true });
  for (const id of marks) {
    if (cold.length >= RUNS) break;
    await page.evaluate(arm);
    await page.evaluate((id) => {
      const mark = document.getElementById(id);
      mark.scrollIntoView({ block: 'center' });
      mark.click();
    }, id);
    cold.push(await page.evaluate(() => window.__painted));
    await close(page);
  }
  await page.close();
}
await browser.close();
console.log(
  JSON.stringify({
    cpu_throttling: 4,
    runs: RUNS,
    first_open: summary(first),
    again: summary(again),
    cold: summary(cold),
    floor: summary(floor),
    over_floor: {
      first_open: round2(median(first) / median(floor)),
      again: round2(median(again) / median(floor)),
      cold: round2(median(cold) / median(floor)),
    },
  }),
);
