// Shared fixtures: every test fails on a console error, a page error, a hydration warning, or a request
// that leaves 127.0.0.1.
import { test as base, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project's content folder, for tests that compare the page with what editors wrote. */
export const contentDir = path.resolve(here, '../../../content');

/** Note ids and kinds, read from content/notes/*.md front matter (not the translations, `<id>.es.md`). */
export function notes() {
  return readdirSync(path.join(contentDir, 'notes'))
    .filter((f) => f.endsWith('.md') && !/\.[a-z]{2}\.md$/.test(f))
    .map((f) => {
      const text = readFileSync(path.join(contentDir, 'notes', f), 'utf8');
      const kind = /^kind\s*=\s*"(\w+)"/m.exec(text)[1];
      const title = /^title\s*=\s*"(.*)"/m.exec(text)[1].replace(/\\"/g, '"');
      return { id: f.replace(/\.md$/, ''), kind, title };
    });
}

/** Every source id defined in content/sources/*.toml. */
export function sourceIds() {
  const dir = path.join(contentDir, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/^id\s*=\s*"([^"]+)"/gm)].map((m) => m[1]));
}

export const test = base.extend({
  guard: [
    async ({ context, page }, use) => {
      const problems = [];
      context.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
          problems.push(`request left the origin: ${req.url()}`);
        }
      });
      page.on('console', (msg) => {
        const text = msg.text();
        // A 404 status for a deliberately unknown address is expected; nothing else is.
        if (msg.type() === 'error' && !/status of 404/.test(text)) problems.push(`console error: ${text}`);
        if (msg.type() === 'warning' && /hydrat/i.test(text)) problems.push(`hydration warning: ${text}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      // Content-Security-Policy violations, reported by the page itself (not only as console messages).
      await page.exposeBinding('__cspViolation', (_, v) => problems.push(`CSP violation: ${v}`));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
        ),
      );
      await use(problems);
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});

/** Waits until the wasm app has added its behaviour (the document says so). */
export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

export { expect };
