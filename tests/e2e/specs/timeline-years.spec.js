// The timeline at scale (issue #16): the overview of every year before the list, a page per year, deep links
// to events on another page (the event map), `?from=<year>`, the latest event, `j`/`k` between events, the
// filter by classes; with and without JavaScript, and inside an embed.
import { test, expect, ready } from './fixtures.js';

/** The years of the timeline, in order, as the overview lists them. */
const axisYears = (page) => page.locator('nav.axis a[data-year]').evaluateAll((as) => as.map((a) => a.dataset.year));

test('the overview draws every year, each a link into the list, labelled for screen readers', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  const years = await page.locator('section.year > h2').allTextContents();
  expect(await axisYears(page)).toEqual(years);
  for (const href of await page.locator('nav.axis a[data-year]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^#year-\d{4}$/);
  }
  const y2024 = page.locator('nav.axis a[data-year="2024"]');
  const in2024 = await page.locator('#year-2024 li.event').count();
  await expect(y2024).toHaveAccessibleName(new RegExp(`^2024 ?, ${in2024} events: United States \\d+`));
  // The drawing is for the eyes only: one tick per event, each track its own shape as well as colour.
  expect(await page.locator('nav.axis .axis-ticks[aria-hidden="true"]').count()).toBe(years.length);
  expect(await page.locator('nav.axis .axis-ticks .tick').count()).toBe(await page.locator('li.event').count());
  const shapes = await page.locator('nav.axis .axis-legend .tick').evaluateAll((ticks) =>
    ticks.map((t) => {
      const s = getComputedStyle(t);
      return [s.borderRadius, s.clipPath, s.transform, s.width].join(' ');
    }),
  );
  expect(new Set(shapes).size).toBe(shapes.length);
  await expect(page.locator('nav.axis .axis-legend')).toHaveAttribute('aria-hidden', 'true');
  // The letter's date is marked, in words.
  await expect(page.locator('nav.axis .axis-letter-date time')).toHaveAttribute('datetime', '2024-09-30');
  await expect(page.locator('nav.axis .letter-event')).toHaveCount(1);
  // Each year is the way into the list.
  await y2024.click();
  await expect(page).toHaveURL(/#year-2024$/);
  await expect(page.locator('#y2024')).toBeInViewport();
});

test('the overview is legible at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('timeline/');
  await ready(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  for (const link of await page.locator('nav.axis a[data-year]').all()) {
    const box = await link.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.height).toBeGreaterThanOrEqual(20);
  }
  const fontSize = await page.locator('nav.axis a[data-year]').first().evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(13);
});

test('each year has its page, and an event of another year is found in the map and opened on its page', async ({ page }) => {
  await page.goto('timeline/2024/');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Timeline 2024');
  for (const d of await page.locator('li.event > time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))) {
    expect(d.startsWith('2024')).toBe(true);
  }
  const years = await axisYears(page);
  const first = years[0];
  await expect(page.locator(`nav.axis a[data-year="${first}"]`)).toHaveAttribute('href', `/timeline/${first}/`);
  await expect(page.locator('nav.axis a[data-year="2024"]')).toHaveAttribute('href', '#year-2024');
  // The site's header still says the reader is on the timeline.
  await expect(page.locator('.site-header nav a[aria-current="page"]')).toHaveText('Timeline');

  // A link to an event on a page that does not hold it.
  await page.goto(`timeline/${first}/?tracks=canada#letter-dated`);
  await expect(page).toHaveURL(/\/timeline\/2024\/\?tracks=canada#letter-dated$/);
  await ready(page);
  await expect(page.locator('#letter-dated')).toBeFocused();
  await expect(page.locator('#letter-dated')).toBeInViewport();
});

test('?from= opens at that year\'s first event, on this page or on its own', async ({ page }) => {
  await page.goto('timeline/?from=2024');
  await ready(page);
  const first2024 = page.locator('#year-2024 li.event').first();
  await expect(first2024).toBeFocused();
  await expect(first2024).toBeInViewport();
  await expect(page).toHaveURL(/\?from=2024$/);

  const years = await axisYears(page);
  const [earliest, latest] = [years[0], years[years.length - 1]];
  await page.goto(`timeline/${latest}/?from=${earliest}`);
  await expect(page).toHaveURL(new RegExp(`/timeline/${earliest}/\\?from=${earliest}$`));
  await ready(page);
  await expect(page.locator(`#year-${earliest} li.event`).first()).toBeFocused();

  // A year without events: the next year that has some.
  const gap = Number(years.find((y, i) => i > 0 && Number(y) > Number(years[i - 1]) + 1) ?? 0);
  if (gap) {
    await page.goto(`timeline/?from=${gap - 1}`);
    await ready(page);
    await expect(page.locator(`#year-${gap} li.event`).first()).toBeFocused();
  }
});

test('a link leads to the latest event', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  const last = page.locator('li.event').last();
  const id = await last.getAttribute('id');
  const latest = page.locator('p.latest a');
  await expect(latest).toHaveAttribute('href', `/timeline/#${id}`);
  await latest.click();
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
});

test('j and k move between the events shown, announced and with focus visible, never while typing', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  await expect(page.locator('.keys-hint')).toBeVisible();
  const events = page.locator('li.event');
  const total = await events.count();
  await page.keyboard.press('j');
  await expect(events.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(events.nth(1)).toBeFocused();
  await expect(events.nth(1)).toBeInViewport();
  const date = await events.nth(1).locator('time').first().textContent();
  const title = await events.nth(1).locator('h3').textContent();
  await expect(page.locator('#timeline-announce')).toHaveText(`${date}: ${title} (event 2 of ${total})`);
  await expect(page.locator('#timeline-announce')).toHaveAttribute('aria-live', 'polite');
  expect(await events.nth(1).evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
  await page.keyboard.press('k');
  await expect(events.nth(0)).toBeFocused();

  // Filtered: the keys skip what the filter hides.
  for (const track of ['us', 'canada', 'china', 'industry']) await page.locator(`#track-${track}`).uncheck();
  const shown = page.locator('li.event:visible');
  await shown.nth(2).focus();
  await page.keyboard.press('j');
  await expect(shown.nth(3)).toBeFocused();
  await expect(page.locator('#timeline-announce')).toContainText(`(event 4 of ${await shown.count()})`);

  // Typing in a field is typing.
  await page.locator('details.embed-control summary').click();
  const snippet = page.locator('details.embed-control textarea').first();
  await snippet.focus();
  await page.keyboard.press('j');
  await expect(snippet).toBeFocused();
});

test('with the app the filter is a class on each event it leaves out, not :has() over the page', async ({ page }) => {
  await page.goto('timeline/2024/');
  await ready(page);
  const main = page.locator('main');
  await expect(main).not.toHaveClass(/\bcss-filter\b/);
  const out = page.locator('li.event.filtered-out');
  await expect(out).toHaveCount(0);
  const all = await page.locator('li.event:visible').count();
  await page.locator('#track-us').uncheck();
  const shown = page.locator('li.event:visible');
  expect(await shown.count()).toBeLessThan(all);
  expect(await out.count()).toBe(all - (await shown.count()));
  for (const c of await shown.evaluateAll((es) => es.map((e) => e.className))) {
    expect(c).toMatch(/t-(mexico|canada|china|industry|letter)\b/);
  }
  // What is left out takes no room and is hidden from assistive technology too.
  for (const e of await out.all()) {
    expect(await e.getAttribute('class')).toMatch(/\bt-us\b/);
    expect(await e.evaluate((el) => [el.offsetHeight, getComputedStyle(el).visibility])).toEqual([0, 'hidden']);
  }
  await expect(page.locator('.filter-status')).toHaveText(`Showing ${await shown.count()} of ${all} events`);
  await page.locator('#track-us').check();
  await expect(out).toHaveCount(0);
  expect(await page.locator('li.event:visible').count()).toBe(all);
});

test('once the page has settled, events far from the view skip rendering, and links still land on theirs', async ({ page }) => {
  // Opened at an event far down the page: it is in view, and stays in view when the events above it stop
  // rendering (each keeps the size it was rendered at).
  await page.goto('timeline/');
  const n = await page.locator('li.event').count();
  const farId = await page.locator('li.event').nth(n - 2).getAttribute('data-event');
  await page.goto(`timeline/#${farId}`);
  await ready(page);
  const main = page.locator('main');
  const far = page.locator(`li.event[data-event="${farId}"]`);
  const first = page.locator('li.event').first();
  const rendering = (el) => el.evaluate((e) => getComputedStyle(e).contentVisibility);
  await expect(main).toHaveClass(/\blazy-events\b/);
  expect(await rendering(first)).toBe('auto');
  await expect(far).toBeInViewport();
  await expect(far).toBeFocused();
  // No filter change is needed for it, and a change then shows and hides as before.
  await page.locator('#track-us').uncheck();
  await expect(page.locator('li.event.filtered-out')).not.toHaveCount(0);
  await expect(page.locator('li.event.filtered-out').first()).toBeHidden();
  await page.locator('#track-us').check();
  await expect(page.locator('li.event.filtered-out')).toHaveCount(0);
  await page.evaluate(() => scrollTo(0, 0));
  // A year of the overview and the latest event, far down the page, are brought into view all the same.
  const years = await axisYears(page);
  await page.locator(`nav.axis a[data-year="${years[years.length - 1]}"]`).click();
  await expect(page.locator(`#year-${years[years.length - 1]} > h2`)).toBeInViewport();
  await page.evaluate(() => scrollTo(0, 0));
  const latest = page.locator('p.latest a');
  const id = (await latest.getAttribute('href')).split('#')[1];
  await latest.click();
  await expect(page.locator(`li.event[data-event="${id}"]`)).toBeFocused();
  await expect(page.locator(`li.event[data-event="${id}"]`)).toBeInViewport();
});

test('the Spanish timeline has its overview, year pages and key hint in Spanish', async ({ page }) => {
  await page.goto('es/timeline/2024/');
  await ready(page);
  await expect(page.locator('h1')).toHaveText('Cronología 2024');
  await expect(page.locator('nav.axis')).toHaveAttribute('aria-label', 'Años');
  await expect(page.locator('nav.axis a[data-year="2024"]')).toHaveAccessibleName(/^2024 ?, \d+ hechos: /);
  await expect(page.locator('.keys-hint')).toContainText('j');
  await expect(page.locator('nav.axis .axis-letter-date')).toContainText('La carta');
});

test('inside an embed, ?from= and j/k move the frame\'s own view and focus, and the host page stays put', async ({ page, baseURL }) => {
  const src = new URL('embed/timeline/?from=2024', baseURL).href;
  await page.setContent(`<p>An article.</p><iframe src="${src}" title="Timeline" width="600" height="400"></iframe><div style="height: 3000px"></div>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('data-ready', 'true');
  const in2024 = frame.locator('#year-2024 li.event');
  await expect(in2024.first()).toBeFocused();
  await expect(frame.locator('nav.axis')).toHaveCount(0);
  // Opening at the year never scrolled the host.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The reader's first key goes to the frame once they have clicked in it.
  await in2024.first().click({ position: { x: 5, y: 5 } });
  await expect(in2024.first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(in2024.nth(1)).toBeFocused();
  await expect(frame.locator('#timeline-announce')).toContainText(await in2024.nth(1).locator('h3').textContent());
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The frame's view scrolls smoothly (no reduced motion asked), so its end is waited for.
  const top = () => in2024.nth(1).evaluate((e) => e.getBoundingClientRect().top);
  await expect.poll(top).toBeGreaterThanOrEqual(-1);
  await expect.poll(top).toBeLessThan(400);
});

test('the timeline embed control says how to open the frame at a year or an event, and the embed opens there', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  await page.locator('details.embed-control summary').click();
  await expect(page.locator('details.embed-control .embed-at')).toContainText('?from=2024');
  await expect(page.locator('details.embed-control .embed-at')).toContainText('#event-id');
  await page.goto('embed/timeline/?from=2019#final-rule-published');
  await ready(page);
  await expect(page.locator('li.event[data-event="final-rule-published"]')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every year is one link from the timeline, its page filters with CSS, and no key hint is shown', async ({ page }) => {
    await page.goto('timeline/');
    await expect(page.locator('.keys-hint')).toBeHidden();
    await expect(page.locator('nav.axis')).toBeVisible();
    const years = await axisYears(page);
    expect(years.length).toBeGreaterThanOrEqual(8);
    await page.goto('timeline/2024/');
    const all = await page.locator('li.event:visible').count();
    expect(all).toBe(await page.locator('li.event').count());
    expect(all).toBeGreaterThan(0);
    await page.locator('#track-us').uncheck();
    expect(await page.locator('li.event:visible').count()).toBeLessThan(all);
    await expect(page.locator('#letter-dated')).toBeVisible();
    // Another year's page is one link away.
    await page.locator(`nav.axis a[data-year="${years[0]}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/timeline/${years[0]}/$`));
    expect(await page.locator('li.event').count()).toBeGreaterThan(0);
  });
});
