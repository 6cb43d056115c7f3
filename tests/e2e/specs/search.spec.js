// Search (/search/, /es/search/): without JavaScript an A–Z index of every note, source and year; with it,
// results as the reader types, grouped by kind, matched words marked, by keyboard and by mouse; the query
// in the URL (deep links, reload, Back); each result lands on its exact place; bad input finds "no
// results" with a way on; it works offline; nothing of search loads before the reader goes to search.
import { test, expect, ready, notes, sourceIds } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';

const editions = {
  en: { prefix: '', link: 'Search', count: /^\d+ results?$/, none: /^No results\./ },
  es: { prefix: 'es/', link: 'Buscar', count: /^\d+ resultados?$/, none: /^No hay resultados\./ },
};

const box = (page) => page.locator('#search-q');
const status = (page) => page.locator('#search-status');
const results = (page) => page.locator('#search-results a');

/** Types `query` into the search box and waits for its results (or its "no results"). */
async function search(page, query) {
  await box(page).fill(query);
  await expect(status(page)).not.toHaveText('');
}

for (const [lang, { prefix, link, count }] of Object.entries(editions)) {
  test(`by keyboard only (${lang}): / from the letter, type, arrows, Enter lands on the note, Back returns`, async ({ page }) => {
    await page.goto(prefix || './');
    await ready(page);
    await page.keyboard.press('/');
    await expect(page).toHaveURL(new RegExp(`/${prefix}search/$`));
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('BYD');
    await expect(status(page)).toHaveText(count);
    await expect(page.locator('#search-results mark').first()).toHaveText(/^BYD/i);
    await expect(page).toHaveURL(/\?q=BYD$/);
    const groups = await page.locator('#search-results h2').allTextContents();
    expect(groups.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await expect(results(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(box(page)).toBeFocused();
    // The notes' group: Tab to its first result and open it with Enter.
    const note = page.locator('#search-results ul[data-kind="note"] a').first();
    const href = await note.getAttribute('href');
    expect(href).toMatch(new RegExp(`/${prefix}notes/[a-z0-9-]+/$`));
    await note.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await ready(page);
    await expect(page.locator('#notes article.note')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/${prefix}search/\\?q=BYD$`));
    await expect(box(page)).toHaveValue('BYD');
    await expect(status(page)).toHaveText(count);
    // Escape clears the box, the results and the query in the URL.
    await box(page).focus();
    await page.keyboard.press('Escape');
    await expect(box(page)).toHaveValue('');
    await expect(results(page)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/${prefix}search/$`));
  });

  test(`by mouse (${lang}): the header link, a click on the box, results land on their exact places`, async ({ page }) => {
    await page.goto(`${prefix}timeline/`);
    await ready(page);
    await page.locator('.site-header nav').getByRole('link', { name: link, exact: true }).click();
    await box(page).click();
    // An event lands on its place on the timeline, focused.
    await search(page, 'Sheinbaum');
    const event = page.locator('#search-results ul[data-kind="event"] a').first();
    const eventId = (await event.getAttribute('href')).split('#')[1];
    await event.click();
    await ready(page);
    await expect(page.locator(`[id="${eventId}"]`)).toBeFocused();
    await page.goBack();
    // A source lands on its entry.
    await expect(box(page)).toHaveValue('Sheinbaum');
    const source = page.locator('#search-results ul[data-kind="source"] a').first();
    const sourceId = (await source.getAttribute('href')).split('#')[1];
    await source.click();
    await expect(page.locator(`.source-list > li[id="${sourceId}"]`)).toBeInViewport();
    expect(await page.evaluate(() => location.hash)).toBe(`#${sourceId}`);
    await page.goBack();
    // A passage lands on the letter at that passage, its mark focused.
    await search(page, lang === 'en' ? 'prepare to take office' : 'asumir el cargo');
    const passage = page.locator('#search-results ul[data-kind="passage"] a').first();
    await expect(passage).toHaveAttribute('href', new RegExp(`/${prefix}#p-1$`));
    await passage.click();
    await ready(page);
    await expect(page.locator('#p-1 .mark').first()).toBeFocused();
  });

  test(`bad input finds nothing, clearly, with a way on (${lang})`, async ({ page }) => {
    await page.goto(`${prefix}search/`);
    await expect(box(page)).toBeFocused();
    const none = page.locator('#search-none');
    for (const query of [' ', 'x'.repeat(2000), '?!…—()', '🚗🇲🇽', 'مرحبا بالعالم', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>']) {
      await search(page, query);
      await expect(status(page), JSON.stringify(query)).toHaveText(editions[lang].none);
      await expect(none).toBeVisible();
      await expect(none.locator('a')).toHaveCount(2);
      await expect(results(page)).toHaveCount(0);
      expect(await page.locator('main script, main img').count()).toBe(0);
    }
    await expect(none.locator('a').first()).toHaveAttribute('href', new RegExp(`/${prefix}timeline/$`));
    await expect(none.locator('a').nth(1)).toHaveAttribute('href', new RegExp(`/${prefix}sources/$`));
    // Empty again: no count, no "no results", the index below.
    await box(page).fill('');
    await expect(status(page)).toHaveText('');
    await expect(none).toBeHidden();
  });

  test(`Ctrl+K on the timeline goes to search; / while typing in a field does not (${lang})`, async ({ page }) => {
    await page.goto(`${prefix}timeline/`);
    await ready(page);
    await page.locator('input[type="checkbox"]').first().focus();
    await page.keyboard.press('Control+k');
    await expect(page).toHaveURL(new RegExp(`/${prefix}search/$`));
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('a/b');
    await expect(box(page)).toHaveValue('a/b');
  });
}

test('a deep link to /es/search/?q=arancel shows its results, and Spanish folds and stems', async ({ page }) => {
  await page.goto('es/search/?q=arancel');
  await expect(box(page)).toHaveValue('arancel');
  await expect(status(page)).toHaveText(/resultados?$/);
  await expect(page.locator('#search-results a[href$="/es/notes/mexico-tariffs/"]')).toBeVisible();
  const marks = await page.locator('#search-results mark').allTextContents();
  expect(marks.map((m) => m.toLowerCase())).toContain('aranceles');
  await page.reload();
  await expect(box(page)).toHaveValue('arancel');
  await expect(page.locator('#search-results a[href$="/es/notes/mexico-tariffs/"]')).toBeVisible();

  await search(page, 'mexico');
  expect(await page.locator('#search-results mark').allTextContents()).toContain('México');
  await search(page, 'vehiculos conectados');
  const found = (await page.locator('#search-results mark').allTextContents()).map((m) => m.toLowerCase());
  expect(found).toContain('vehículos');
  expect(found).toContain('conectados');
  await expect(page.locator('#search-results a[href$="/es/notes/what-is-a-connected-vehicle/"]')).toBeVisible();
});

test('results show what a note is and when an event happened, in the edition\'s words', async ({ page }) => {
  await page.goto('es/search/?q=BYD');
  await expect(status(page)).toHaveText(/resultados?$/);
  const meta = await page.locator('#search-results ul[data-kind="note"] .search-meta').allTextContents();
  expect(meta.some((m) => /^(Afirmación|Petición|Contexto)/.test(m))).toBe(true);
  const dates = await page.locator('#search-results ul[data-kind="event"] .search-meta').allTextContents();
  expect(dates.some((d) => /^(\d{1,2} de )?[a-z]+ de \d{4}$|^\d{4}$/.test(d))).toBe(true);
});

for (const [lang, { prefix, more }] of Object.entries({
  en: { prefix: '', more: (n) => `Show ${n} more (Notes)` },
  es: { prefix: 'es/', more: (n) => `Mostrar ${n} más (Notas)` },
})) {
  test(`a group lists its best three, and its button the rest of its best ten, by keyboard (${lang})`, async ({ page }) => {
    await page.goto(`${prefix}search/?q=mexico`);
    await expect(status(page)).not.toHaveText('');
    const items = page.locator('#search-results ul[data-kind="note"] > li');
    await expect(items).toHaveCount(3);
    const heading = await page.locator('#search-results section', { has: page.locator('ul[data-kind="note"]') }).locator('h2').textContent();
    const total = Number(heading.match(/\((\d+)\)$/)[1]);
    expect(total, heading).toBeGreaterThan(3);
    const shown = Math.min(total, 10);
    const button = page.getByRole('button', { name: more(shown - 3), exact: true });
    await expect(button).toBeVisible();
    // Arrow keys reach the button as they reach the results; Enter presses it.
    await box(page).focus();
    for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    await expect(button).toBeFocused();
    const firstThree = await items.locator('a').evaluateAll((links) => links.map((a) => a.href));
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(shown);
    await expect(items.nth(3).locator('a')).toBeFocused();
    await expect(button).toHaveCount(0);
    // The first three stay where they were; the others follow, each a note of its own.
    const all = await items.locator('a').evaluateAll((links) => links.map((a) => a.href));
    expect(all.slice(0, 3)).toEqual(firstThree);
    expect(new Set(all).size).toBe(shown);
    // A new query lists three again.
    await box(page).fill('');
    await expect(items).toHaveCount(0);
    await box(page).fill('mexico');
    await expect(items).toHaveCount(3);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const [lang, { prefix }] of Object.entries(editions)) {
    test(`the search page is an A–Z index of every note, source and year (${lang})`, async ({ page }) => {
      await page.goto(`${prefix}search/`);
      await expect(page.locator('#search-form')).toBeHidden();
      for (const { id } of notes()) {
        await expect(page.locator(`.search-az a[href$="/${prefix}notes/${id}/"]`), id).toHaveCount(1);
      }
      for (const id of sourceIds()) {
        await expect(page.locator(`.search-az a[href$="/${prefix}sources/#${id}"]`), id).toHaveCount(1);
      }
      const years = await page.locator('.az-years a').allTextContents();
      expect(years).toContain('2024');
      const titles = await page.locator('.search-az ul').first().locator('a').allTextContents();
      // Alphabetical by letters: "¿Qué es…?" sits under Q.
      const letters = (t) => t.replace(/^[^\p{L}\p{N}]+/u, '');
      const sorted = [...titles].sort((a, b) => letters(a).localeCompare(letters(b), lang, { sensitivity: 'base' }));
      expect(titles).toEqual(sorted);
      await page.locator('.az-years a', { hasText: '2024' }).click();
      await expect(page).toHaveURL(new RegExp(`/${prefix}timeline/#year-2024$`));
    });
  }
});

test('nothing of search is requested on the letter page before the reader goes to search', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('./');
  await ready(page);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  await page.waitForTimeout(500);
  expect(asked.filter((p) => /search/.test(p))).toEqual([]);
  await page.keyboard.press('/');
  await expect(status(page)).toHaveText('');
  await search(page, 'BYD');
  expect(asked.filter((p) => /\/search-en-[0-9a-f]{16}\.wasm$/.test(p))).toHaveLength(1);
  expect(asked.filter((p) => /\/search-text-en-[0-9a-f]{16}\.bin$/.test(p))).toHaveLength(1);
  expect(asked.filter((p) => /\/search-en-[0-9a-f]{16}\.bin$/.test(p))).toHaveLength(1);
  // Each edition loads its own module (only its stemmer), index and texts.
  asked.length = 0;
  await page.goto('es/search/');
  await search(page, 'arancel');
  await expect(status(page)).toHaveText(/^\d+ resultados?$/);
  expect(asked.filter((p) => /\/search-[^/]*\.(wasm|bin)$/.test(p)).map((p) => p.replace(/-[0-9a-f]{16}\./, '.').replace(/^.*\//, '')).sort()).toEqual([
    'search-es.bin',
    'search-es.wasm',
    'search-text-es.bin',
  ]);
});

test('search works offline after one visit, from the service worker', async ({ page, context }) => {
  await page.goto('search/');
  await expect(page.locator('.offline-notices [data-kind="ready"]')).toBeVisible({ timeout: 20_000 });
  await context.setOffline(true);
  for (const prefix of ['', 'es/']) {
    const response = await page.goto(`${prefix}search/?q=BYD`);
    expect(response.fromServiceWorker()).toBe(true);
    await expect(status(page)).toHaveText(/\d+ (results?|resultados?)$/);
  }
  await context.setOffline(false);
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on the search page with results, in both editions (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const prefix of ['', 'es/']) {
      await page.goto(`${prefix}search/?q=BYD`);
      await expect(status(page)).not.toHaveText('');
      const found = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), `${prefix} ${scheme}`).toEqual([]);
    }
  });
}

test('under /letter/, search loads its files and leads to places under the sub-path, in both editions', async ({ page }) => {
  const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';
  for (const prefix of ['', 'es/']) {
    await page.goto(`${sub}${prefix}search/?q=BYD`);
    await expect(status(page)).toHaveText(/\d+ (results?|resultados?)$/);
    const hrefs = await results(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href.startsWith(`/letter/${prefix}`), href).toBe(true);
  }
  await page.goto(`${sub}search/`);
  await page.locator('.search-az a[href*="/notes/"]').first().click();
  await expect(page).toHaveURL(/\/letter\/notes\/[a-z0-9-]+\/$/);
});

test.describe('at 320 CSS px (400% zoom)', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('the search page, with results and without, has no horizontal scrolling', async ({ page }) => {
    for (const path of ['search/', 'es/search/?q=vehiculos conectados', 'search/?q=BYD']) {
      await page.goto(path);
      if (path.includes('?q=')) await expect(status(page)).not.toHaveText('');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
