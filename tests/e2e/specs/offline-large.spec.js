// Offline reading of a site too large to save at once. The build decides by its bytes (AT_ONCE in sw.js,
// src/bin/prerender/offline.rs); the real site is small and saved whole, so this test serves a copy of the
// built site whose worker is told that it is large (`AT_ONCE = false`, nothing else changed): the first
// visit saves the reading core only, a note page is saved as it is read, the about page offers the rest
// with its size in the reader's language, and pressing it saves everything but the note pages and the
// notes' embeds (saved only as read): offline, a note page never read is its edition's letter with the
// note opened from its fragment.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, notes, contentDir, endsWith } from './fixtures.js';
import { startSite } from './site-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = process.env.SITE_DIR || path.resolve(here, '../../../dist');

/** A constant of a built sw.js, read as JSON (the prerenderer writes them with serde_json). */
function constant(js, name) {
  const match = new RegExp(`^const ${name} = (.*?);$`, 'ms').exec(js);
  if (!match) throw new Error(`sw.js has no ${name}`);
  return JSON.parse(match[1].replace(/,\n\}$/, '\n}'));
}

/** A note's title in the Spanish edition (its translation's, else the original's). */
function spanishTitle(note) {
  try {
    const text = readFileSync(path.join(contentDir, 'notes', `${note.id}.es.md`), 'utf8');
    return /^title\s*=\s*"(.*)"/m.exec(text)[1].replace(/\\"/g, '"');
  } catch {
    return note.title;
  }
}

/** The URL paths this version's cache holds. */
const cached = (page) =>
  page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith('offline ') && !key.includes(' failed '));
    if (!name) return [];
    return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
  });

test('the real site is small enough to be saved whole when the worker installs', () => {
  const js = readFileSync(path.join(siteDir, 'sw.js'), 'utf8');
  expect(constant(js, 'AT_ONCE')).toBe(true);
  // What a large site would leave for later: embeds and oEmbed documents (and unmarked notes' fragments).
  const later = Object.keys(constant(js, 'LATER'));
  expect(later).toContain(`/es/embed/timeline/`);
  expect(later.every((p) => /^\/(es\/)?(notes\/[^/]+\/note\.html|embed\/|oembed\/)/.test(p)), later.join(' ')).toBe(true);
  // And what only as read: every note's page and embed, in each edition, and nothing else.
  const asRead = Object.keys(constant(js, 'AS_READ'));
  const id = notes()[0].id;
  for (const p of [`/notes/${id}/`, `/es/notes/${id}/`, `/embed/notes/${id}/`, `/es/embed/notes/${id}/`]) {
    expect(asRead).toContain(p);
  }
  expect(asRead).toHaveLength(4 * notes().length);
});

test('a large site saves its reading core at once, each note as it is read, and the rest when the reader asks', async ({ page, context, guard }) => {
  test.slow(); // saves the whole site once more
  const dir = mkdtempSync(path.join(os.tmpdir(), 'large-site-'));
  cpSync(siteDir, dir, { recursive: true });
  const swFile = path.join(dir, 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  const large = original.replace('const AT_ONCE = true;\n', 'const AT_ONCE = false;\n');
  expect(large).not.toBe(original);
  writeFileSync(swFile, large);
  const files = Object.keys(constant(large, 'FILES'));
  const later = constant(large, 'LATER');
  const asRead = constant(large, 'AS_READ');
  const [read, unread] = notes().map((n) => `/notes/${n.id}/`);
  const unreadNote = notes()[1];
  const site = await startSite(dir);
  try {
    await page.goto(site.url);
    await expect(page.locator('.offline-notices [data-kind="readyCore"]')).toHaveText(/the letter, the timeline/, { timeout: 20_000 });
    let saved = await cached(page);
    const core = files.filter((f) => !(f in later) && !(f in asRead));
    expect(core.filter((f) => !saved.includes(f)), 'the reading core is saved').toEqual([]);
    expect(saved.filter((f) => f in later || f in asRead), 'nothing else is').toEqual([]);

    // A note page read is saved as it is read.
    await page.goto(new URL(read.slice(1), site.url).href);
    await expect(page.locator('main h1')).toBeVisible();
    await expect.poll(async () => (await cached(page)).includes(read)).toBe(true);

    // The about page offers the rest, with its size (what is left, in MB), in each edition's language.
    const left = Object.values(later).reduce((sum, bytes) => sum + bytes, 0);
    const mb = (lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(left / 1e6);
    await page.goto(new URL('es/about/', site.url).href);
    const control = page.locator('[data-save-offline]');
    await expect(control.locator('button')).toHaveText(`Guardar todo para leer sin conexión — ${mb('es')} MB`);
    await page.goto(new URL('about/', site.url).href);
    await expect(control).toBeVisible();
    await expect(control.locator('h2')).toHaveText('Offline reading');
    const button = control.locator('button');
    await expect(button).toHaveText(`Save everything for offline — ${mb('en')} MB`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(control.locator('[role="status"]')).toHaveText('Everything is saved for offline reading on this device.', { timeout: 30_000 });
    await expect(button).toBeHidden();
    saved = await cached(page);
    const unsaved = files.filter((f) => !saved.includes(f));
    expect(unsaved.filter((f) => !(f in asRead)), 'every file is saved but those saved as read').toEqual([]);
    expect(unsaved, 'the note pages and embeds not read are not').toContain(unread);

    // And it opens without the server: the page read as itself, the others as the letter with the note
    // opened from its fragment, in each edition.
    await site.stop();
    for (const [route, title] of [
      [read, notes()[0].title],
      [unread, unreadNote.title],
      [`/es${unread}`, spanishTitle(unreadNote)],
    ]) {
      const response = await page.goto(new URL(route.slice(1), site.url).href);
      expect(response.status(), route).toBe(200);
      expect(response.fromServiceWorker(), route).toBe(true);
      await expect(page.locator('#note-title'), route).toHaveText(title);
      expect(new URL(page.url()).pathname, route).toBe(route);
    }
    // The letter stands in: its whole text is there, and closing the note leaves the letter.
    await page.goto(new URL(unread.slice(1), site.url).href);
    await expect(page.locator('#note-title')).toHaveText(unreadNote.title);
    await expect(page.locator('.letter-text a.mark').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#note-title')).toHaveCount(0);
    await expect(page).toHaveURL(site.url);
    // An embed never read is not saved: offline, it is the offline notice.
    guard.allow503(endsWith(`/embed${unread}`));
    const embed = await page.goto(new URL(`embed${unread}`, site.url).href);
    expect(embed.status()).toBe(503);
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the about page of the real site shows no save control: everything is saved already', async ({ page }) => {
  await page.goto('about/');
  await expect(page.locator('.offline-notices [data-kind="ready"]')).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  // The worker has answered how much is left (nothing) by now; the control stays hidden.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.locator('[data-save-offline]')).toBeHidden();
});
