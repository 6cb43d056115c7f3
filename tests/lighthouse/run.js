// Lighthouse (mobile preset, the default) on each URL given, 3 runs each, in the system Chromium; prints
// the medians as JSON: the four category scores (0–100), LCP, TBT and CLS. Run by `cargo xtask bench`,
// never by the tests: scores are timings, and timings on a shared machine are reported, not asserted.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const results = [];
try {
  for (const url of process.argv.slice(2)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const failing = [];
      for (const category of Object.values(lhr.categories)) {
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${category.id}: ${ref.id}`);
        }
      }
      runs.push({
        scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        failing,
      });
    }
    const scores = Object.fromEntries(
      Object.keys(runs[0].scores).map((k) => [k, median(runs.map((r) => r.scores[k]))]),
    );
    results.push({
      url: new URL(url).pathname,
      runs: RUNS,
      scores,
      lcp_ms: Math.round(median(runs.map((r) => r.lcp))),
      tbt_ms: Math.round(median(runs.map((r) => r.tbt))),
      cls: Number(median(runs.map((r) => r.cls)).toFixed(3)),
      below_100_in_some_run: [...new Set(runs.flatMap((r) => r.failing))],
    });
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results, null, 2));
