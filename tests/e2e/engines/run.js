// The smoke suite in the engines besides Chromium: `node run.js [firefox] [webkit]` (both by default), run by
// `cargo xtask test` after the Chromium suite. Each engine gets its own server for the built site
// (SITE_DIR, served at `/`) and a host page on another origin for the embed. Ends with one line per engine,
// `firefox: passed` or `webkit: FAILED …`, then `engines: N passed, N failed`, and exits non-zero if any
// journey failed.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite } from '../specs/site-server.js';
import { journeys } from './journeys.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = process.env.SITE_DIR || path.resolve(here, '../../../dist');
const engines = { firefox: () => import('./firefox.js'), webkit: () => import('./webkit.js') };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(engines);

/** A news article on another origin with the self-sizing snippet for the embedded letter. */
async function startHost(siteUrl) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head>
      <body style="margin:0"><p>Before the embed</p>
      <iframe src="${siteUrl}embed/letter/" title="Annotated letter" width="100%" height="300" style="border:0" data-letter-explainer></iframe>
      <script src="${siteUrl}embed.js" async></script><p>After the embed</p></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/article.html`, close: () => server.close() };
}

/** Runs every journey in one engine; resolves to the titles of the failed ones. */
async function runEngine(name) {
  const site = await startSite(siteDir);
  const host = await startHost(site.url);
  const failed = [];
  let driver;
  try {
    driver = await (await engines[name]()).launch();
    for (const journey of journeys) {
      const started = Date.now();
      try {
        await journey.run(driver, { site, host: host.url });
        const problems = driver.problems();
        if (problems.length) throw new Error(problems.join('\n'));
        console.log(`  ok    ${name}: ${journey.title} (${Date.now() - started} ms)`);
      } catch (e) {
        failed.push(journey.title);
        console.log(`  FAIL  ${name}: ${journey.title}\n        ${e.message.replace(/\n/g, '\n        ')}`);
      }
    }
  } catch (e) {
    failed.push(`the browser did not start: ${e.message}`);
    console.log(`  FAIL  ${name}: the browser did not start: ${e.message}`);
  } finally {
    await driver?.close().catch(() => {});
    await site.stop();
    host.close();
  }
  return failed;
}

const results = [];
for (const name of chosen) {
  if (!engines[name]) throw new Error(`unknown engine ${name} (firefox, webkit)`);
  console.log(`${name}:`);
  results.push([name, await runEngine(name)]);
}
for (const [name, failed] of results) {
  console.log(failed.length ? `${name}: FAILED (${failed.length} of ${journeys.length} journeys)` : `${name}: passed (${journeys.length} journeys)`);
}
// One plain closing line for the whole run, as test runners end theirs.
const failedCount = results.reduce((n, [, failed]) => n + failed.length, 0);
console.log(`engines: ${results.length * journeys.length - failedCount} passed, ${failedCount} failed`);
process.exit(failedCount ? 1 : 0);
