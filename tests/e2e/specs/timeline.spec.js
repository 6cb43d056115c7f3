// The timeline: filters shared by URL, events linked both ways with the notes, deep links, keyboard, no JS.
import { test, expect, ready } from './fixtures.js';

const visibleEvents = (page) => page.locator('li.event:visible');

test('the timeline groups events by year with dates at their own precision', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  expect(await page.locator('section.year > h2').count()).toBeGreaterThanOrEqual(8);
  // Every <time> carries an ISO date at the precision it shows.
  for (const t of await page.locator('li.event time').all()) {
    const iso = await t.getAttribute('datetime');
    const shown = await t.textContent();
    if (/^\d{4}$/.test(iso)) expect(shown).toBe(iso);
    else if (/^\d{4}-\d{2}$/.test(iso)) expect(shown).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    else expect(shown).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  }
  await expect(page.locator('#letter-dated')).toHaveClass(/letter-event/);
  await expect(page.locator('.checked time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('filtering by track updates the URL, and the shared URL restores the filter', async ({ page, context }) => {
  await page.goto('timeline/');
  await ready(page);
  const all = await visibleEvents(page).count();
  for (const track of ['us', 'canada', 'china', 'industry']) await page.locator(`#track-${track}`).uncheck();
  await expect(page).toHaveURL(/\?tracks=mexico$/);
  const filtered = await visibleEvents(page).count();
  expect(filtered).toBeLessThan(all);
  await expect(page.locator('.filter-status')).toHaveText(`Showing ${filtered} of ${all} events`);
  // No filter hides the letter.
  await expect(page.locator('#letter-dated')).toBeVisible();
  for (const e of await visibleEvents(page).all()) {
    expect(await e.getAttribute('class')).toMatch(/t-mexico|t-letter/);
  }
  // A shared link opens the same view.
  // Another tab of the same (guarded) context.
  const other = await context.newPage();
  await other.goto(page.url());
  await ready(other);
  await expect(other.locator('#track-us')).not.toBeChecked();
  await expect(other.locator('#track-mexico')).toBeChecked();
  expect(await visibleEvents(other).count()).toBe(filtered);
  await other.close();
});

test('a deep link to an event scrolls to it, highlights it and focuses it', async ({ page }) => {
  await page.goto('timeline/#final-rule-published');
  await ready(page);
  const event = page.locator('#final-rule-published');
  await expect(event).toBeFocused();
  await expect(event).toBeInViewport();
  const bg = await event.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
});

test('a deep link to an event the shared filter hides still shows it', async ({ page }) => {
  await page.goto('timeline/?tracks=canada#final-rule-published');
  await ready(page);
  await expect(page.locator('#final-rule-published')).toBeVisible();
  await expect(page.locator('#final-rule-published')).toBeFocused();
  // Scrolled to where it is once the filter has hidden the events above it.
  await expect(page.locator('#final-rule-published')).toBeInViewport();
});

test('event → note at its mark → back to the timeline; note → event', async ({ page }) => {
  await page.goto('timeline/#letter-published');
  await ready(page);
  const link = page.locator('#letter-published .event-notes a').first();
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
  await ready(page);
  await expect(page.locator('#note-title')).toBeVisible();
  if (href.includes('#mark-')) await expect(page.locator(href.slice(href.indexOf('#')))).toBeInViewport();
  await page.goBack();
  await expect(page).toHaveURL(/timeline\/#letter-published$/);

  // From a note, its events lead to the timeline.
  await page.goto('notes/commerce-rule/');
  await ready(page);
  const eventLink = page.locator('.note-events a').first();
  const target = (await eventLink.getAttribute('href')).split('#')[1];
  await eventLink.click();
  await expect(page).toHaveURL(new RegExp(`/timeline/#${target}$`));
  await ready(page);
  await expect(page.locator(`#${target}`)).toBeFocused();
});

test('the letter page places the letter among the events around it', async ({ page }) => {
  await page.goto('./');
  const strip = page.locator('nav.in-time');
  await expect(strip).toBeVisible();
  await expect(strip.locator('li.own').first()).toContainText('2024');
  expect(await strip.locator('li').count()).toBeGreaterThanOrEqual(5);
  await strip.locator('li.own a').first().click();
  await expect(page).toHaveURL(/\/timeline\/#letter-/);
});

test('the filter works by keyboard alone', async ({ page }) => {
  await page.goto('timeline/');
  await ready(page);
  await page.locator('#track-us').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#track-us')).not.toBeChecked();
  await expect(page).toHaveURL(/\?tracks=mexico,canada,china,industry$/);
  await page.keyboard.press('Tab');
  await expect(page.locator('#track-mexico')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\?tracks=canada,china,industry$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the whole timeline is there, and the checkboxes still filter', async ({ page }) => {
    await page.goto('timeline/');
    const all = await visibleEvents(page).count();
    expect(all).toBeGreaterThanOrEqual(40);
    await page.locator('#track-us').uncheck();
    expect(await visibleEvents(page).count()).toBeLessThan(all);
    await expect(page.locator('#letter-dated')).toBeVisible();
  });
});
