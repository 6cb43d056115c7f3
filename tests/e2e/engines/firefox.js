// Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi. Console errors and
// uncaught page errors are collected and fail the journey they happen in.
import puppeteer from 'puppeteer-core';

/** Starts Firefox; resolves to a driver (see journeys.js). */
export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // Nothing leaves 127.0.0.1: no captive-portal, telemetry, update or remote-settings requests.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    url: async () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    async inFrame(selector, fn, ...args) {
      const frame = await (await page.$(selector)).contentFrame();
      return frame.evaluate(fn, ...args);
    },
    /** Console and page errors since the last call. */
    problems: () => problems.splice(0),
    close: () => browser.close(),
  };
}
