// Printing: the print edition (/print/, /es/print/) printed to PDF by Chromium holds every note as an
// endnote, with its internal links (references to endnotes and back) kept as PDF link annotations, and the
// as-of date and page numbers on every page; any other page prints without navigation or controls, with an
// open note after the text, outside links followed by their address, in light colours.
import { test, expect, notes } from './fixtures.js';
import { getDocumentProxy, extractText } from 'unpdf';

/** Text as the PDF holds it: runs of white space (line and page breaks) as one space. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();

for (const [edition, prefix] of [['', ''], [' (es)', 'es/']]) {
  test(`the print edition prints every note, with links to its endnote and back${edition}`, async ({ page }) => {
    await page.goto(`${prefix}print/`);
    const endnotes = page.locator('ol.endnotes > li');
    await expect(endnotes).toHaveCount(notes().length);
    const titles = (await page.locator('ol.endnotes > li > h3').allTextContents()).map(flat);
    if (!prefix) expect(new Set(titles)).toEqual(new Set(notes().map((n) => flat(n.title))));
    const checked = flat(await page.locator('.print-head .checked').textContent());

    const pdf = await page.pdf({ format: 'A4' });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBeGreaterThan(2);
    const { text: pages } = await extractText(doc, { mergePages: false });
    const all = flat(pages.join(' '));
    for (const title of titles) expect(all, title).toContain(title);

    // Every page carries the as-of date and its number (the @page margin boxes).
    pages.forEach((text, i) => {
      const t = flat(text);
      expect(t, `page ${i + 1}`).toContain(checked);
      expect(t, `page ${i + 1}`).toContain(`${i + 1} / ${doc.numPages}`);
    });
    const origin = process.env.BUILD_ORIGIN;
    if (origin) expect(flat(pages.at(-1))).toContain(`${origin}/${prefix}`);

    // Internal links survive as link annotations to named destinations: each note's reference and back.
    const dests = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of await (await doc.getPage(p)).getAnnotations()) {
        if (a.subtype === 'Link' && typeof a.dest === 'string') dests.push(a.dest);
      }
    }
    for (const note of notes()) {
      expect(dests.filter((d) => d === `endnote-${note.id}`), note.id).toHaveLength(1);
      expect(dests.filter((d) => d === `ref-${note.id}`), note.id).toHaveLength(1);
    }
    const named = await doc.getDestinations();
    for (const note of notes()) {
      expect(named[`endnote-${note.id}`], note.id).toBeTruthy();
      expect(named[`ref-${note.id}`], note.id).toBeTruthy();
    }
  });
}

test('a reference leads to its endnote and the endnote back to the text, on screen', async ({ page }) => {
  await page.goto('print/');
  await page.locator('#ref-market-share').click();
  await expect(page).toHaveURL(/#endnote-market-share$/);
  await expect(page.locator('#endnote-market-share')).toBeInViewport();
  await page.locator('#endnote-market-share .endnote-back').click();
  await expect(page).toHaveURL(/#ref-market-share$/);
  await expect(page.locator('#ref-market-share')).toBeInViewport();
});

test('the letter page and the about page link the print edition', async ({ page }) => {
  for (const path of ['./', 'about/', 'es/', 'es/about/']) {
    await page.goto(path);
    const link = page.locator('.print-link a');
    await expect(link).toHaveCount(1);
    await link.click();
    await expect(page).toHaveURL(/print\/$/);
    await expect(page.locator('ol.endnotes > li')).toHaveCount(notes().length);
  }
});

test.describe('any page in print', () => {
  test.use({ colorScheme: 'dark' });
  test('prints light, without navigation or controls, an open note after the text', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('notes/market-share/');
    for (const selector of ['.site-header nav', '.embed-control', '.legend', '.note-close', '.print-link']) {
      for (const el of await page.locator(selector).all()) await expect(el, selector).toBeHidden();
    }
    const text = await page.locator('.letter-column').boundingBox();
    const note = await page.locator('article.note').boundingBox();
    expect(note.y).toBeGreaterThanOrEqual(text.y + text.height);
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    const link = page.locator('.note-sources a[href^="http"]').first();
    const [after, href] = await link.evaluate((a) => [getComputedStyle(a, '::after').content, a.getAttribute('href')]);
    expect(after).toContain(href);
    // Back on screen the same page shows its navigation.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.site-header nav').first()).toBeVisible();
  });

  test('the timeline prints without its filter', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('timeline/');
    await expect(page.locator('#timeline-filter')).toBeHidden();
    await expect(page.locator('li.event').first()).toBeVisible();
  });
});
