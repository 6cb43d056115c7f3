// "Report an error" on every note, built from the contact given at build time (`cargo xtask build
// --contact`). dist-sub (SUB_URL) is built with SUB_BUILD_CONTACT, a mailto: address; dist/ without one
// (corrections.spec.js checks that its notes have no link). Also: the corrections feed of a sub-path build
// names the origin and the sub-path.
import { test, expect, notes, skipUnless } from './fixtures.js';
import { parseAtomFeed } from 'feedsmith';

const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';
const origin = process.env.SUB_BUILD_ORIGIN || 'http://127.0.0.1:4174';
const contact = process.env.SUB_BUILD_CONTACT;
const site = `${origin}/letter/`;

for (const prefix of ['', 'es/']) {
  test(`/${prefix}notes/*: every note links a report to the contact, prefilled with its address`, async ({ page }) => {
    skipUnless(contact, 'SUB_BUILD_CONTACT is not set: run through cargo xtask e2e');
    for (const { id } of notes()) {
      await page.goto(`${sub}${prefix}notes/${id}/`);
      const link = page.locator('article.note .report-error a');
      await expect(link, id).toHaveCount(1);
      await expect(link).toBeVisible();
      const href = await link.getAttribute('href');
      expect(href.startsWith(`${contact}?subject=`), href).toBe(true);
      const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      expect(query.get('body').startsWith(`${site}${prefix}notes/${id}/\n`), query.get('body')).toBe(true);
      const title = await page.locator('#note-title').innerText();
      expect(query.get('subject').endsWith(`: ${title}`), query.get('subject')).toBe(true);
      expect([...query.keys()]).toEqual(['subject', 'body']);
    }
  });
}

test('in an embed the report link opens outside the frame', async ({ page }) => {
  skipUnless(contact, 'SUB_BUILD_CONTACT is not set: run through cargo xtask e2e');
  await page.goto(`${sub}embed/notes/market-share/`);
  const link = page.locator('.report-error a');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('the corrections feed of a sub-path build names the origin and the sub-path', async ({ request }) => {
  for (const prefix of ['', 'es/']) {
    const feed = parseAtomFeed(await (await request.get(`${sub}${prefix}corrections.atom`)).text());
    expect(feed.id).toBe(`${site}${prefix}corrections/`);
    expect(feed.entries.length).toBeGreaterThan(0);
    for (const entry of feed.entries) expect(entry.id.startsWith(`${site}${prefix}corrections/#`), entry.id).toBe(true);
  }
});
