// Link previews: a link to a note, an event or a source shows what it leads to when a mouse rests on it
// (after about 300 ms, and only then) or keyboard focus reaches it; the pointer may move onto the preview;
// Escape closes it with focus left on the link; touch shows none; it never covers its link, fits 320 px,
// moves nothing (no layout shift), works in an embed, in Spanish and offline, passes axe; the letter's
// marks show none and still open their note.
import { test, expect, ready, notes } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const marketShare = notes().find((n) => n.id === 'market-share');

/** The preview element (one per page, made when a preview first shows). */
const preview = (scope) => scope.locator('#link-preview');
/** A link on the sources page to a note, and one to an event, in the same "Cited in" line. */
const noteLink = (page) => page.locator('#afp-urdupoint-market-share .cited-in a[href$="/notes/market-share/"]');
const eventLink = (page) => page.locator('#afp-urdupoint-market-share .cited-in a[href$="/timeline/#chinese-brands-jan-nov-2024"]');

/** Records, in the page, when a pointer first enters each link, each preview shown (by the link it
 * describes) and every layout shift, from the start. */
async function instrument(page) {
  await page.addInitScript(() => {
    window.__overs = [];
    window.__outs = [];
    window.__shown = [];
    window.__shifts = [];
    addEventListener(
      'pointerover',
      (e) => {
        const link = e.target.closest?.('a[href]');
        if (link) window.__overs.push({ href: link.getAttribute('href'), type: e.pointerType, at: performance.now() });
      },
      true,
    );
    addEventListener(
      'pointerout',
      (e) => {
        const link = e.target.closest?.('a[href]');
        if (link && !link.contains(e.relatedTarget)) window.__outs.push({ href: link.getAttribute('href'), at: performance.now() });
      },
      true,
    );
    new MutationObserver((records) => {
      for (const { target } of records) {
        if ((target.getAttribute('aria-describedby') || '').split(' ').includes('link-preview')) {
          window.__shown.push({ href: target.getAttribute('href'), at: performance.now() });
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-describedby'] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({ value: e.value, at: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const log = (page) => page.evaluate(() => ({ overs: window.__overs, outs: window.__outs, shown: window.__shown, shifts: window.__shifts }));

/** Moves the mouse to a point in view that is neither a link nor a preview. */
async function moveAway(page) {
  const point = await awayPoint(page);
  await page.mouse.move(point.x, point.y);
}

/** A point in view that is neither a link nor a preview. */
function awayPoint(page) {
  return page.evaluate(() => {
    for (let y = 10; y < innerHeight; y += 17) {
      for (let x = 10; x < innerWidth; x += 23) {
        if (!document.elementFromPoint(x, y)?.closest('a, #link-preview')) return { x, y };
      }
    }
    return null;
  });
}

/** Whether two rectangles overlap. */
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectNoViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(summary, `${label}:\n${summary.join('\n')}`).toEqual([]);
}

test('a mouse resting on a link shows its preview after about 300 ms, not before; a pass over it shows nothing', async ({ page }) => {
  await instrument(page);
  await page.goto('sources/');
  // Nothing of the previews is loaded before the reader shows interest in a link.
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/previews?-/.test(e.name)).map((e) => e.name));
  expect(await loaded()).toEqual([]);

  // A pointer that only passes over a link shows nothing.
  await eventLink(page).scrollIntoViewIfNeeded();
  // The middle of its first line (a link wrapped over two lines has other text at its box's middle).
  const passing = await eventLink(page).evaluate((el) => {
    const r = el.getClientRects()[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const away = await awayPoint(page);
  await page.mouse.move(passing.x, passing.y);
  await page.mouse.move(away.x, away.y);
  const start = await page.evaluate(() => performance.now());
  await noteLink(page).hover();
  await expect(preview(page)).toBeVisible();
  const { overs, outs, shown, shifts } = await log(page);
  // (A machine too busy to move the pointer on within the delay makes the pass a rest: then it may show.)
  const passed = outs.find((o) => o.href.endsWith('#chinese-brands-jan-nov-2024')).at - overs.find((o) => o.href.endsWith('#chinese-brands-jan-nov-2024')).at;
  if (passed < 290) expect(shown.map((s) => s.href), 'only the rested-on link previewed').toEqual([expect.stringMatching(/\/notes\/market-share\/$/)]);
  const over = overs.find((o) => o.at >= start && o.href.endsWith('/notes/market-share/'));
  const rested = shown.find((s) => s.href.endsWith('/notes/market-share/'));
  expect(rested.at - over.at, 'the preview waited for the pointer to rest').toBeGreaterThanOrEqual(290);
  // Only what it needs: the script, its stylesheet and the notes' data (not the events' or sources').
  const files = await loaded();
  expect(files.some((f) => /\/preview-[0-9a-f]{16}\.js$/.test(f)), files.join()).toBe(true);
  expect(files.some((f) => /\/previews-en-notes-[0-9a-f]{16}\.json$/.test(f)), files.join()).toBe(true);
  expect(files.some((f) => /-(events|sources)-/.test(f)), files.join()).toBe(false);

  // What the note is, its title and its summary; a tooltip, the link's description while shown.
  await expect(preview(page)).toHaveAttribute('role', 'tooltip');
  await expect(preview(page).locator('.link-preview-meta')).toHaveText('Claim · Verdict: Needs context');
  await expect(preview(page).locator('.link-preview-title')).toHaveText(marketShare.title);
  await expect(preview(page).locator('.link-preview-text')).toHaveText(marketShare.summary);
  await expect(preview(page).locator('a, button, input, [tabindex]')).toHaveCount(0);
  await expect(noteLink(page)).toHaveAttribute('aria-describedby', 'link-preview');
  expect(shifts.filter((s) => s.at >= start), 'no layout shift').toEqual([]);

  // The pointer may move onto the preview (crossing the gap) and read it: it stays.
  const box = await preview(page).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.waitForTimeout(500); // longer than the preview waits for a pointer crossing over
  await expect(preview(page)).toBeVisible();
  // Leaving both hides it, and the link is described by nothing any more.
  await moveAway(page);
  await expect(preview(page)).toBeHidden();
  await expect(noteLink(page)).not.toHaveAttribute('aria-describedby', /./);

  // An event: its date; it never moved anything either.
  await eventLink(page).hover();
  await expect(preview(page).locator('.link-preview-meta')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$|^[A-Z][a-z]+ \d{4}$/);
  await expect(preview(page).locator('.link-preview-title')).toHaveText('AMDA: Chinese brands hold 9.3% of Mexico\'s market');
  expect((await log(page)).shifts.filter((s) => s.at >= start), 'no layout shift').toEqual([]);
});

test('keyboard focus shows the preview; Escape closes it and focus stays on the link', async ({ page }) => {
  await page.goto('sources/');
  await page.keyboard.press('Shift'); // the reader is using the keyboard
  await noteLink(page).focus();
  await expect(preview(page)).toBeVisible();
  await expect(preview(page).locator('.link-preview-title')).toHaveText(marketShare.title);
  await expect(noteLink(page)).toHaveAttribute('aria-describedby', 'link-preview');
  await page.keyboard.press('Escape');
  await expect(preview(page)).toBeHidden();
  await expect(noteLink(page)).toBeFocused();
  await expect(noteLink(page)).not.toHaveAttribute('aria-describedby', /./);
  // Tab goes on to the next link, whose preview shows.
  await page.keyboard.press('Tab');
  await expect(eventLink(page)).toBeFocused();
  await expect(preview(page).locator('.link-preview-title')).toHaveText('AMDA: Chinese brands hold 9.3% of Mexico\'s market');
  await expect(eventLink(page)).toHaveAttribute('aria-describedby', 'link-preview');
  await expect(noteLink(page)).not.toHaveAttribute('aria-describedby', /./);
  // Leaving the links hides it.
  await page.locator('main h1').evaluate((h) => { h.tabIndex = -1; h.focus(); });
  await expect(preview(page)).toBeHidden();
});

test('in a note, a source link previews; Escape closes the preview and not the note', async ({ page }) => {
  await page.goto('notes/market-share/');
  await ready(page);
  const link = page.locator('article.note a[href*="/sources/#"]').first();
  await page.keyboard.press('Shift');
  await link.focus();
  await expect(preview(page)).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/sources\/#/);
  await expect(preview(page).locator('.link-preview-meta')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(preview(page)).toBeHidden();
  await expect(link).toBeFocused();
  // The note is still open, at its own address.
  await expect(page.locator('#note-title')).toBeVisible();
  await expect(page).toHaveURL(/\/notes\/market-share\/$/);
});

test('the letter\'s marks show no preview and still open their note', async ({ page }) => {
  await instrument(page);
  await page.goto('./');
  await ready(page);
  const mark = page.locator('#mark-market-share');
  await mark.hover();
  // The previews' script loads on this first hover of a link...
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/preview-[0-9a-f]{16}\.js$/.test(e.name)))).toBe(true);
  // ...and a mark, rested on for well over the delay, still shows nothing.
  await page.waitForTimeout(800);
  await expect(preview(page)).toHaveCount(0);
  await page.keyboard.press('Shift');
  await mark.focus();
  await mark.click();
  await expect(page.locator('#note-title')).toBeFocused();
  await expect(page).toHaveURL(/\/notes\/market-share\/$/);
  expect((await log(page)).shown).toEqual([]);
});

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 800 } });

  test('a tap follows the link', async ({ page }) => {
    await page.goto('sources/');
    await noteLink(page).tap();
    await expect(page).toHaveURL(/\/notes\/market-share\/$/);
  });

  test('a touch shows no preview, however long the link stays touched', async ({ page }) => {
    await instrument(page);
    await page.goto('sources/');
    // Keep the page where it is, to see what the touch alone does.
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    await noteLink(page).tap();
    await page.waitForTimeout(800); // well over the delay a resting mouse waits
    await expect(preview(page)).toHaveCount(0);
    const { overs, shown } = await log(page);
    expect(overs.some((o) => o.type === 'touch'), 'the tap was a touch').toBe(true);
    expect(shown).toEqual([]);
  });
});

test.describe('on a 320 px wide screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('a preview fits, never covers its link, and goes above a link near the bottom', async ({ page }) => {
    await page.goto('sources/');
    const links = page.locator('.cited-in a');
    for (const k of [0, 1, 5]) {
      const link = links.nth(k);
      await link.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await link.hover();
      await expect(preview(page)).toBeVisible();
      const [l, p] = [await link.boundingBox(), await preview(page).boundingBox()];
      expect(overlap(l, p), `preview over its link ${k}`).toBe(false);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(320);
      expect(p.y).toBeGreaterThan(l.y); // below
      await moveAway(page);
      await expect(preview(page)).toBeHidden();
    }
    const low = links.nth(40);
    await low.evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
    await low.hover();
    await expect(preview(page)).toBeVisible();
    const [l, p] = [await low.boundingBox(), await preview(page).boundingBox()];
    expect(overlap(l, p), 'preview over its link').toBe(false);
    expect(p.y + p.height).toBeLessThanOrEqual(l.y); // above
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.x + p.width).toBeLessThanOrEqual(320);
  });
});

test('inside the timeline embed, a link previews within the frame', async ({ page, baseURL }) => {
  await page.setContent(
    `<main><h1>An article</h1><iframe src="${new URL('embed/timeline/', baseURL).href}" title="Timeline" width="360" height="600"></iframe></main>`,
  );
  const frame = page.frameLocator('iframe');
  await frame.locator('html[data-ready="true"]').waitFor();
  const link = frame.locator('li.event a[href*="/notes/"]').first();
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  await expect(preview(frame)).toBeVisible();
  await expect(preview(frame).locator('.link-preview-title')).not.toBeEmpty();
  const [f, l, p] = [await page.locator('iframe').boundingBox(), await link.boundingBox(), await preview(frame).boundingBox()];
  expect(overlap(l, p)).toBe(false);
  expect(p.x).toBeGreaterThanOrEqual(f.x);
  expect(p.x + p.width).toBeLessThanOrEqual(f.x + f.width);
  expect(p.y).toBeGreaterThanOrEqual(f.y);
  expect(p.y + p.height).toBeLessThanOrEqual(f.y + f.height);
});

test('the Spanish edition previews in Spanish', async ({ page }) => {
  await page.goto('es/sources/');
  await page.locator('#afp-urdupoint-market-share .cited-in a[href$="/es/notes/market-share/"]').hover();
  await expect(preview(page).locator('.link-preview-meta')).toHaveText('Afirmación · Veredicto: Necesita contexto');
  await moveAway(page);
  await expect(preview(page)).toBeHidden();
  await page.locator('#afp-urdupoint-market-share .cited-in a[href$="/es/timeline/#chinese-brands-jan-nov-2024"]').hover();
  await expect(preview(page).locator('.link-preview-meta')).toHaveText(/ de \d{4}$/);
});

test('previews pass axe while one is open (light and dark)', async ({ page }) => {
  test.slow(); // axe twice
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('sources/');
    await noteLink(page).hover();
    await expect(preview(page)).toBeVisible();
    await expectNoViolations(page, `preview open (${scheme})`);
  }
});

test('after one visit, previews work offline', async ({ page, context }) => {
  await page.goto('sources/');
  await expect(page.locator('.offline-notices [data-kind="ready"]')).toHaveText(/Available offline/, { timeout: 20_000 });
  await context.setOffline(true);
  await page.reload();
  await noteLink(page).hover();
  await expect(preview(page).locator('.link-preview-title')).toHaveText(marketShare.title);
  await moveAway(page);
  await page.locator('a[href$="/about/"]').first().click();
  await expect(page).toHaveURL(/\/about\/$/);
  const link = page.locator('main a[href*="/notes/"]').first();
  await link.hover();
  await expect(preview(page)).toBeVisible();
});

test('under a sub-path, previews find their files and their links', async ({ page }) => {
  const sub = process.env.SUB_URL || 'http://127.0.0.1:4174/letter/';
  await page.goto(`${sub}es/sources/`);
  const link = page.locator('#afp-urdupoint-market-share .cited-in a[href="/letter/es/timeline/#chinese-brands-jan-nov-2024"]');
  await link.hover();
  await expect(preview(page).locator('.link-preview-meta')).toHaveText(/ de \d{4}$/);
  const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /previews?-/.test(p)));
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) expect(file).toMatch(/^\/letter\/previews?-/);
});

test('a preview fades in only for readers who have not asked for reduced motion', async ({ page }) => {
  for (const [motion, animation] of [['reduce', 'none'], ['no-preference', 'link-preview-in']]) {
    await page.emulateMedia({ reducedMotion: motion });
    await page.goto('sources/');
    await noteLink(page).hover();
    await expect(preview(page)).toBeVisible();
    expect(await preview(page).evaluate((el) => getComputedStyle(el).animationName), motion).toBe(animation);
  }
});
