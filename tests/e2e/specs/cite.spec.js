// Citing and sharing: the Cite disclosure (plain citations, BibTeX, RIS) works without JavaScript; the
// Highwire Press and Dublin Core tags reference managers read name the note, the site as its author, its
// date and URL (read by Wikimedia's html-metadata, the scraper behind Wikipedia's citation tool); Copy
// buttons write links and citations to the clipboard and say so; a passage's link is a text fragment that
// Chromium scrolls to.
import { test, expect, ready, notes, contentDir } from './fixtures.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const scrape = require('html-metadata');

const site = new URL(process.env.SITE_URL || 'http://127.0.0.1:4173/');
/** The origin the build was told: the absolute URLs of citations and tags. */
const origin = process.env.BUILD_ORIGIN || site.origin;
/** The site's name and short name in each edition (`site.toml`, `site.es.toml`). */
const siteToml = (file, key) =>
  new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, 'm').exec(readFileSync(path.join(contentDir, file), 'utf8'))[1];
const SITE_NAME = { en: siteToml('site.toml', 'name'), es: siteToml('site.es.toml', 'name') };
/** The BibTeX key's first part: the edition's short name as a slug (ASCII letters and digits). */
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const KEY = { en: slug(siteToml('site.toml', 'short_name')), es: slug(siteToml('site.es.toml', 'short_name')) };
/** A note's citation date: the day it was last reviewed, as the page shows it. */
const reviewed = async (page) => page.locator('article.note .note-review time').first().getAttribute('datetime');
const editions = [['en', ''], ['es', 'es/']];

for (const [lang, prefix] of editions) {
  test(`a note page's Highwire and Dublin Core tags name its title, the site, its date and URL (${lang})`, async ({ page }) => {
    const id = 'market-share';
    await page.goto(`${prefix}notes/${id}/`);
    const title = (await page.locator('#note-title').textContent()).trim();
    if (lang === 'en') expect(title).toBe(notes().find((n) => n.id === id).title);
    const url = `${origin}/${prefix}notes/${id}/`;
    const checked = await reviewed(page);
    const meta = await scrape(new URL(`${prefix}notes/${id}/`, site).href);
    const hw = meta.highwirePress;
    expect(hw.title).toBe(title);
    expect(hw.author).toBe(SITE_NAME[lang]);
    expect(hw.publication_date).toBe(checked.replaceAll('-', '/'));
    expect(hw.date).toBe(checked.replaceAll('-', '/'));
    expect(hw.public_url).toBe(url);
    expect(hw.abstract_html_url).toBe(url);
    expect(hw.language).toBe(lang);
    const dc = meta.dublinCore;
    expect(dc.title).toBe(title);
    expect(dc.creator).toBe(SITE_NAME[lang]);
    expect(dc.date).toBe(checked);
    expect(dc.identifier).toBe(url);
    expect(dc.language).toBe(lang);
  });
}

test('the letter page carries no citation tags: its authors are the signatories, not the site', async () => {
  const meta = await scrape(site.href);
  expect(meta.highwirePress).toBeUndefined();
  expect(meta.dublinCore).toBeUndefined();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [lang, prefix] of editions) {
    test(`Cite opens and offers APA, Chicago, BibTeX and RIS to select; no copy button shows (${lang})`, async ({ page }) => {
      await page.goto(`${prefix}notes/request-delegation/`);
      const title = (await page.locator('#note-title').textContent()).trim();
      const url = `${origin}/${prefix}notes/request-delegation/`;
      const cite = page.locator('article.note details.cite-control');
      await expect(cite.locator('textarea').first()).toBeHidden();
      await cite.locator('summary').click();
      const field = (name) => cite.locator(`#cite-${name}`);
      for (const name of ['apa', 'chicago', 'bibtex', 'ris']) {
        await expect(field(name)).toBeVisible();
        await expect(field(name)).toHaveJSProperty('readOnly', true);
        // Its label names it for screen readers.
        await expect(page.getByLabel(name === 'apa' ? 'APA' : name === 'chicago' ? 'Chicago' : name === 'bibtex' ? 'BibTeX' : 'RIS')).toHaveCount(1);
      }
      const checked = await reviewed(page);
      const [y, m, d] = checked.split('-').map(Number);
      const apa = await field('apa').inputValue();
      const month = lang === 'en'
        ? new Date(Date.UTC(y, m - 1, d)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })
        : new Date(Date.UTC(y, m - 1, d)).toLocaleString('es', { month: 'long', timeZone: 'UTC' });
      expect(apa).toBe(`${SITE_NAME[lang]}. (${y}, ${lang === 'en' ? `${month} ${d}` : `${d} de ${month}`}). ${title}. ${url}`);
      const chicago = await field('chicago').inputValue();
      expect(chicago.startsWith(`${SITE_NAME[lang]}. `)).toBe(true);
      expect(chicago).toContain(title);
      expect(chicago.endsWith(`${url}.`)).toBe(true);
      const bibtex = await field('bibtex').inputValue();
      expect(bibtex.startsWith(`@online{${KEY[lang]}:request-delegation,\n`)).toBe(true);
      expect(bibtex).toContain(`  author = {{${SITE_NAME[lang]}}},\n`);
      expect(bibtex).toContain(`  date = {${checked}},\n`);
      expect(bibtex).toContain(`  url = {${url}},\n`);
      expect(bibtex.endsWith('\n}')).toBe(true);
      const ris = await field('ris').inputValue();
      // One field a line, `XX  - value`; the record ends with `ER  - ` (its trailing space included).
      expect(ris.endsWith('\nER  - \n')).toBe(true);
      const lines = ris.split('\n').slice(0, -1);
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(lines[0]).toBe('TY  - ELEC');
      expect(lines).toContain(`TI  - ${title}`);
      expect(lines).toContain(`AU  - ${SITE_NAME[lang]}`);
      expect(lines).toContain(`DA  - ${checked.replaceAll('-', '/')}/`);
      expect(lines).toContain(`UR  - ${url}`);
      // A reader can select the whole citation by keyboard.
      await field('apa').focus();
      await page.keyboard.press('ControlOrMeta+a');
      expect(await field('apa').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd))).toBe(apa);
      // Copy buttons need the app: none shows, and none of the link buttons either.
      for (const button of await page.locator('.copy-button').all()) await expect(button).toBeHidden();
      await expect(page.locator('.copy-links').first()).toBeHidden();
    });
  }

  test('the timeline shows no copy button without the app', async ({ page }) => {
    await page.goto('timeline/');
    expect(await page.locator('li.event .copy-button').count()).toBeGreaterThan(40);
    for (const button of (await page.locator('.copy-button').all()).slice(0, 5)) await expect(button).toBeHidden();
  });
});

test.describe('with the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  /** What the clipboard holds now. */
  const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

  for (const [lang, prefix] of editions) {
    test(`a note's links and citations are copied and announced (${lang})`, async ({ page }) => {
      await page.goto(`${prefix}notes/market-share/`);
      await ready(page);
      const status = page.locator('#copy-status');
      await expect(status).toHaveAttribute('role', 'status');
      await expect(status).toBeEmpty();
      const note = page.locator('article.note');
      const link = note.locator('.copy-links .copy-button').first();
      await expect(link).toBeVisible();
      await link.click();
      await expect.poll(() => clipboard(page)).toBe(`${origin}/${prefix}notes/market-share/`);
      const copied = lang === 'en' ? 'Copied to the clipboard.' : 'Copiado al portapapeles.';
      await expect(status).toHaveText(copied);
      // By keyboard, the BibTeX entry, exactly as shown; the same message is announced again.
      await note.locator('details.cite-control summary').click();
      const copyBibtex = note.locator('button[data-copy-from="cite-bibtex"]');
      await copyBibtex.focus();
      await page.keyboard.press('Enter');
      const bibtex = await note.locator('#cite-bibtex').inputValue();
      await expect.poll(() => clipboard(page)).toBe(bibtex);
      await expect(status).toHaveText(copied);
      // Its accessible name says what it copies.
      await expect(copyBibtex).toHaveAccessibleName(lang === 'en' ? 'Copy BibTeX' : 'Copiar BibTeX');
    });
  }

  test('a note opened in place on the letter copies its own link', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    await page.locator('#mark-state-subsidies').click();
    await expect(page.locator('#note-title')).toBeFocused();
    await page.locator('article.note .copy-links .copy-button').first().click();
    await expect.poll(() => clipboard(page)).toBe(`${origin}/notes/state-subsidies/`);
    await expect(page.locator('#copy-status')).toHaveText('Copied to the clipboard.');
  });

  test('an event copies its place on the timeline, and that link shows the event', async ({ page }) => {
    await page.goto('timeline/');
    await ready(page);
    const event = page.locator('li.event').nth(5);
    const id = await event.getAttribute('id');
    await event.locator('.copy-button').click();
    const url = `${origin}/timeline/#${id}`;
    await expect.poll(() => clipboard(page)).toBe(url);
    await expect(page.locator('#copy-status')).toHaveText('Copied to the clipboard.');
    await page.goto(new URL(`timeline/#${id}`, site).href);
    await ready(page);
    await expect(page.locator(`li.event[id="${id}"]`)).toBeFocused();
    await expect(page.locator(`li.event[id="${id}"]`)).toBeInViewport();
  });

  for (const [lang, prefix] of editions) {
    for (const id of ['market-share', 'request-delegation']) {
      test(`a passage's link is a text fragment that Chromium scrolls to (${id}, ${lang})`, async ({ page, context }) => {
        await page.setViewportSize({ width: 900, height: 500 });
        await page.goto(`${prefix}notes/${id}/`);
        await ready(page);
        const button = page.locator('article.note .copy-links .copy-button').nth(1);
        await button.click();
        const url = await clipboard(page);
        expect(url.startsWith(`${origin}/${prefix}#:~:text=`)).toBe(true);
        // The directive's own characters never appear bare in its terms.
        const directive = url.split('#:~:text=')[1];
        expect(directive.replace(',', '')).not.toMatch(/[-&, ]/);
        // A new reader opens the link (on the served site, whatever the build's origin).
        const reader = await context.newPage();
        await reader.setViewportSize({ width: 900, height: 500 });
        await reader.goto(new URL(`${prefix}#:~:text=${directive}`, site).href);
        expect(await reader.evaluate(() => typeof document.fragmentDirective)).toBe('object');
        const mark = reader.locator(`#mark-${id}`);
        // Scrolled down to the passage: it starts below the first screen.
        expect(await mark.evaluate((m) => m.getBoundingClientRect().top + window.scrollY)).toBeGreaterThan(500);
        await expect(mark).toBeInViewport();
        expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(0);
        // The directive is not part of the address the page sees.
        expect(await reader.evaluate(() => location.hash)).toBe('');
      });
    }
  }
});
