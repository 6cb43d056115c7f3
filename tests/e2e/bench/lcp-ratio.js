// Our letter page against the physical limit: the same page as static HTML with the same CSS and no script
// (the prerendered page with its script tags removed, served from the same server). Largest contentful
// paint of each, median of N loads (60 unless RUNS says otherwise), and our LCP as a ratio to the static one
// (budget ≤ 1.05×), with its 95% interval: a single load varies by ±100 ms, so fewer loads cannot tell 1.00
// from 1.05.
// Both load on a throttled profile, Lighthouse's mobile one (4× CPU, 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up), over the DevTools protocol: on localhost unthrottled, LCP is ~100 ms and mostly noise.
// Usage: node lcp-ratio.js URL. Prints JSON. Run by `cargo xtask bench`; reported, never asserted.
import { launch } from './chromium.js';
import { median, ratioInterval } from './stats.js';

const runs = Number(process.env.RUNS || 60);
const PROFILE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const browser = await launch();

async function lcp(url, staticOnly) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PROFILE.network);
  // Both pages take the same path (fetched and fulfilled by the test), so the comparison is fair.
  await page.route(url, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (staticOnly) {
      body = body.replace(/<script[^>]*><\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    }
    await route.fulfill({ response, body });
  });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const value = await page.evaluate(() => window.__lcp);
  await context.close();
  return value;
}

const url = process.argv[2];
const ours = [];
const limit = [];
// Which of the pair loads first alternates, so neither side always pays (or gains from) going first.
for (let i = 0; i < runs; i++) {
  if (i % 2) {
    ours.push(await lcp(url, false));
    limit.push(await lcp(url, true));
  } else {
    limit.push(await lcp(url, true));
    ours.push(await lcp(url, false));
  }
}
await browser.close();
const a = median(ours);
const b = median(limit);
const round = (x) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    runs,
    profile: 'cpu 4x, 150 ms RTT, 1.6 Mbit/s',
    lcp_ms: Math.round(a),
    static_html_lcp_ms: Math.round(b),
    ratio: round(a / b),
    ratio_95: ratioInterval(ours, limit).map(round),
  }),
);
