// The corrections log: /corrections/ in both editions (newest first, each entry linking what it changed),
// "Last reviewed" on every note and "Updated <date>" linking the entry on every note an entry changed, the
// links from the footer and /about/, and the Atom feed of each edition: well-formed XML (fast-xml-parser's
// validator), parsed as Atom by feedsmith, with the elements RFC 4287 requires and absolute, stable ids,
// and named by every page. Against dist/ (built with an origin, no contact for error reports).
import { test, expect, contentDir, notes } from './fixtures.js';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const origin = process.env.BUILD_ORIGIN || 'http://127.0.0.1:4173';
const editions = ['', 'es/'];

/** The log's entries as content/corrections.toml lists them: id, date, notes, events, letter. */
function entries() {
  const text = readFileSync(path.join(contentDir, 'corrections.toml'), 'utf8');
  return text
    .split(/^\[\[correction\]\]$/m)
    .slice(1)
    .map((block) => {
      const field = (name) => new RegExp(`^${name}\\s*=\\s*(.*)$`, 'm').exec(block)?.[1];
      const list = (name) => [...(field(name) ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      return {
        id: JSON.parse(field('id')),
        date: JSON.parse(field('date')),
        notes: list('notes'),
        events: list('events'),
        letter: field('letter') === 'true',
      };
    });
}

test('the log has entries, and the content file is read the way the compiler reads it', () => {
  const log = entries();
  expect(log.length).toBeGreaterThanOrEqual(9);
  for (const e of log) {
    expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.notes.length + e.events.length + (e.letter ? 1 : 0), e.id).toBeGreaterThan(0);
  }
});

for (const prefix of editions) {
  test.describe(`/${prefix}corrections/`, () => {
    test('lists every entry newest first, each linking the notes, events and letter it changed', async ({ page }) => {
      const log = entries();
      await page.goto(`${prefix}corrections/`);
      await expect(page.locator('h1')).toBeVisible();
      const items = page.locator('.correction-list > li');
      await expect(items).toHaveCount(log.length);
      const shown = await items.evaluateAll((lis) =>
        lis.map((li) => ({ id: li.id, date: li.querySelector('time').getAttribute('datetime') })),
      );
      const dates = shown.map((s) => s.date);
      expect(dates, 'newest first').toEqual([...dates].sort().reverse());
      expect(shown.map((s) => s.id).sort()).toEqual(log.map((e) => e.id).sort());
      for (const e of log) {
        const item = page.locator(`li[id="${e.id}"]`);
        await expect(item.locator('time')).toHaveAttribute('datetime', e.date);
        const hrefs = await item
          .locator('.correction-touches a')
          .evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
        const base = new URL(page.url()).pathname.replace(/corrections\/$/, '');
        const expected = [
          ...(e.letter ? [base] : []),
          ...e.notes.map((n) => `${base}notes/${n}/`),
          ...e.events.map(() => `${base}timeline/`),
        ];
        expect(hrefs, e.id).toEqual(expected);
        await expect(item.locator('dd')).toHaveCount(2);
        for (const dd of await item.locator('dd').all()) expect((await dd.innerText()).length).toBeGreaterThan(20);
      }
    });

    test('every note shows when it was last reviewed, and each changed note links its entries', async ({ page }) => {
      const log = entries();
      for (const { id } of notes()) {
        await page.goto(`${prefix}notes/${id}/`);
        const review = page.locator('article.note .note-review');
        await expect(review.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
        const touching = log.filter((e) => e.notes.includes(id));
        const updates = review.locator('.note-updates a');
        await expect(updates, id).toHaveCount(touching.length);
        const targets = await updates.evaluateAll((as) => as.map((a) => new URL(a.href).hash.slice(1)));
        expect(targets, id).toEqual(touching.map((e) => e.id));
        for (const [i, e] of touching.entries()) {
          await expect(updates.nth(i).locator('time')).toHaveAttribute('datetime', e.date);
        }
        // Last reviewed is never before the note's latest correction.
        const reviewed = await review.locator('p time').first().getAttribute('datetime');
        for (const e of touching) expect(reviewed >= e.date, `${id}: reviewed ${reviewed}, corrected ${e.date}`).toBe(true);
        // This build has no contact: no "Report an error" link.
        await expect(review.locator('.report-error')).toHaveCount(0);
      }
    });

    test('an "Updated" link opens its entry in the log', async ({ page }) => {
      await page.goto(`${prefix}notes/mexico-as-base/`);
      await page.locator('.note-updates a').first().click();
      await expect(page).toHaveURL(new RegExp(`/${prefix}corrections/#mexico-as-base-verdict$`));
      await expect(page.locator('li[id="mexico-as-base-verdict"]')).toBeInViewport();
    });

    test('the footer of every page and the about page lead to the log', async ({ page }) => {
      for (const route of ['', 'notes/market-share/', 'timeline/', 'sources/', 'about/']) {
        await page.goto(`${prefix}${route}`);
        const link = page.locator('.site-footer a');
        await expect(link, route).toHaveAttribute('href', new RegExp(`/${prefix}corrections/$`));
      }
      await page.goto(`${prefix}about/`);
      const policy = page.locator('#corrections-policy');
      await expect(policy.locator('h2')).toBeVisible();
      expect((await policy.locator('p').first().innerText()).length).toBeGreaterThan(100);
      await policy.locator('a').click();
      await expect(page).toHaveURL(new RegExp(`/${prefix}corrections/$`));
    });
  });

  test.describe(`/${prefix}corrections.atom`, () => {
    test('is well-formed Atom with every required element, absolute stable ids, one entry per correction', async ({ request }) => {
      const log = entries();
      const response = await request.get(`${prefix}corrections.atom`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/atom+xml');
      const xml = await response.text();
      expect(XMLValidator.validate(xml), 'well-formed XML').toBe(true);
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);

      const feed = parseAtomFeed(xml);
      const page = `${origin}/${prefix}corrections/`;
      expect(feed.id).toBe(page);
      expect(feed.title.value.length).toBeGreaterThan(5);
      expect(feed.xml.lang).toBe(prefix ? 'es' : 'en');
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(feed.authors?.[0]?.name?.length).toBeGreaterThan(5);
      const self = feed.links.find((l) => l.rel === 'self');
      expect(self.href).toBe(`${origin}/${prefix}corrections.atom`);
      expect(feed.links.find((l) => l.rel === 'alternate').href).toBe(page);

      expect(feed.entries.length).toBe(log.length);
      const newest = log.map((e) => e.date).sort().at(-1);
      expect(feed.updated).toBe(`${newest}T00:00:00Z`);
      for (const entry of feed.entries) {
        const e = log.find((c) => `${page}#${c.id}` === entry.id);
        expect(e, `entry id ${entry.id} names an entry of the log`).toBeTruthy();
        expect(entry.title.value.length).toBeGreaterThan(5);
        expect(entry.updated).toBe(`${e.date}T00:00:00Z`);
        expect(entry.published).toBe(`${e.date}T00:00:00Z`);
        expect(entry.links.find((l) => l.rel === 'alternate').href).toBe(entry.id);
        const related = entry.links.filter((l) => l.rel === 'related').map((l) => l.href);
        for (const n of e.notes) expect(related).toContain(`${origin}/${prefix}notes/${n}/`);
        for (const link of entry.links) expect(link.href.startsWith(`${origin}/`), link.href).toBe(true);
        expect(entry.summary.value.length).toBeGreaterThan(20);
        expect(entry.content.type).toBe('text');
        expect(entry.content.value.length).toBeGreaterThan(entry.summary.value.length);
      }
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(log.length);
    });

    test('is named by every page of the edition', async ({ page, guard }) => {
      const feed = `${origin}/${prefix}corrections.atom`;
      guard.allow404(/\/no-such-page\/$/);
      for (const route of ['', 'notes/market-share/', 'timeline/', 'sources/', 'about/', 'corrections/', 'embed/notes/market-share/', 'no-such-page/']) {
        await page.goto(`${prefix}${route}`);
        await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]'), route).toHaveAttribute('href', feed);
      }
    });
  });
}

test('the validator and the parser used here reject a broken feed', () => {
  const broken = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a & b</title></feed>';
  expect(XMLValidator.validate(broken)).not.toBe(true);
  expect(() => parseAtomFeed('<rss version="2.0"><channel><title>x</title></channel></rss>')).toThrow();
});
