// Shared fixtures: every test fails on a console error, a page error, a hydration warning, a CSP violation,
// an unexpected 404 (or 503) or a request that leaves 127.0.0.1, in any page or service worker of its context.
import { test as base, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project's content folder, for tests that compare the page with what editors wrote. */
export const contentDir = path.resolve(here, '../../../content');

/** Note ids, kinds, titles and summaries, read from content/notes/*.md front matter (not the translations,
 * `<id>.es.md`). */
export function notes() {
  return readdirSync(path.join(contentDir, 'notes'))
    .filter((f) => f.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(f))
    .map((f) => {
      const text = readFileSync(path.join(contentDir, 'notes', f), 'utf8');
      const field = (name) => new RegExp(`^${name}\\s*=\\s*"(.*)"`, 'm').exec(text)[1].replace(/\\"/g, '"');
      return { id: f.replace(/\.md$/, ''), kind: field('kind'), title: field('title'), summary: field('summary') };
    });
}

/** Every source id defined in content/sources/*.toml. */
export function sourceIds() {
  const dir = path.join(contentDir, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/^id\s*=\s*"([^"]+)"/gm)].map((m) => m[1]));
}

/** The text of a console message's origin: the page's URL, or the service worker's. */
const where = (msg) => msg.worker?.()?.url() ?? msg.page()?.url() ?? '';

/**
 * Every test is guarded, in every page of its browser context (pages it opens itself included) and in the
 * service worker: it fails on a console error, a page error, a hydration warning, a Content-Security-Policy
 * violation, or a request that leaves 127.0.0.1. A 404 is a console error too, unless the test declared
 * that address with `guard.allow404(url)` (a RegExp tested against the full URL): a missing file of our
 * own is never allowed by accident.
 */
export const test = base.extend({
  guard: [
    async ({ context }, use) => {
      const problems = [];
      const allowed = [];
      const refused = [];
      context.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
          problems.push(`request left the origin: ${req.url()}`);
        }
      });
      const onConsole = (msg) => {
        const text = msg.text();
        const status = /status of (404|503)\b/.exec(text)?.[1];
        if (msg.type() === 'error' && status) refused.push({ status, url: msg.location().url || `${text} (on ${where(msg)})` });
        else if (msg.type() === 'error') problems.push(`console error: ${text} (on ${where(msg)})`);
        if (msg.type() === 'warning' && /hydrat/i.test(text)) problems.push(`hydration warning: ${text}`);
      };
      // Every page's console (the context's event), and every service worker's (its own event).
      context.on('console', (msg) => {
        if (!msg.worker?.()) onConsole(msg);
      });
      const watchWorker = (worker) => worker.on('console', onConsole);
      context.on('serviceworker', watchWorker);
      context.serviceWorkers().forEach(watchWorker);
      context.on('weberror', (err) => problems.push(`page error: ${err.error().message} (on ${err.page()?.url()})`));
      // Content-Security-Policy violations, reported by each page itself (not only as console messages).
      await context.exposeBinding('__cspViolation', ({ page }, v) => problems.push(`CSP violation on ${page.url()}: ${v}`));
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
        ),
      );
      await use({
        /** Declares that a 404 for a URL matching `pattern` is part of the test. */
        allow404: (pattern) => allowed.push({ status: '404', pattern }),
        /** Declares that a 503 (the service worker's offline notice) for a URL matching `pattern` is part of
         * the test. */
        allow503: (pattern) => allowed.push({ status: '503', pattern }),
      });
      for (const { status, url } of refused) {
        if (!allowed.some((a) => a.status === status && a.pattern.test(url))) problems.push(`unexpected ${status}: ${url}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Skips the running test with `reason` unless `present` is true, and says so; under CI (`CI` set) it fails
 * instead, so that a run there never passes with part of the suite left out.
 */
export function skipUnless(present, reason) {
  if (process.env.CI) expect(present, `${reason} (CI runs everything)`).toBeTruthy();
  test.skip(!present, reason);
}

/** Waits until the wasm app has added its behaviour (the document says so). */
export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

/** A RegExp that matches a URL ending in `path` (a path relative to the site's root, or a full path). */
export const endsWith = (path) => new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export { expect };
