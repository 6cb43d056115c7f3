// Browser tests against the built site, served locally by `cargo xtask test` (SITE_URL at `/`, SUB_URL
// under `/letter/`). Chromium is the system's (/usr/bin/chromium): nothing is downloaded.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  // A stray `test.only` would run one test and pass: under CI (`CI` set) it fails the run instead.
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.SITE_URL || 'http://127.0.0.1:4173/',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
});
