// The browser every benchmark runs in: the system Chromium (or CHROMIUM_PATH), headless, with its calls home
// turned off (this machine's network refuses them, and they would add noise).
import { chromium } from '@playwright/test';

/** Launches Chromium for a benchmark. */
export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
