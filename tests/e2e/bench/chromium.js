// The browser every benchmark runs in: the system Chromium (or CHROMIUM_PATH), headless, with its calls home
// turned off (this machine's network refuses them, and they would add noise).
import { chromium } from '@playwright/test';

/** Launches Chromium for a benchmark. */
export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });

/** Waits until a page has settled, as a reader's has by the time they act: its service worker has saved the
 * site for offline (on a throttled CPU, seconds of work beside the page; on the stress pack megabytes).
 * Timing an interaction while that work runs measures it, not the interaction (a floor timed later on the
 * same page never has it). */
export const settled = (page) => page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
