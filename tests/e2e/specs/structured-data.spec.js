// The pages' structured data, expanded by a JSON-LD processor (npm `jsonld`) against a local schema.org
// context (tests/vendor/schema.org, no network), then checked for what Google's ClaimReview documentation
// requires: claimReviewed, reviewRating with alternateName, itemReviewed (a Claim whose appearance is the
// letter, a CreativeWork), author, datePublished and url. The letter page's NewsArticle too. Against dist/
// (built with an origin, so every url is absolute).
import { test, expect, notes } from './fixtures.js';
import jsonld from 'jsonld';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const context = JSON.parse(readFileSync(path.resolve(here, '../../vendor/schema.org/context.jsonld'), 'utf8'));
const origin = process.env.BUILD_ORIGIN || 'http://127.0.0.1:4173';
const S = 'http://schema.org/';

/** Serves the local schema.org context for schema.org's addresses; anything else is an error (no network). */
async function documentLoader(url) {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: null, documentUrl: url, document: context };
  throw new Error(`no network in this test: ${url}`);
}

/** The page's JSON-LD, expanded (safe mode: a term that would be dropped is an error). */
async function expandedData(page, route) {
  await page.goto(route);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts.length, `${route}: one JSON-LD block`).toBe(1);
  const expanded = await jsonld.expand(JSON.parse(scripts[0]), { documentLoader, safe: true });
  expect(expanded.length).toBe(1);
  return expanded[0];
}

/** The values of a schema.org property of an expanded node. */
const values = (node, name) => node?.[`${S}${name}`] ?? [];
/** The one value (`@value`, `@id` or node) of a property. */
const one = (node, name) => values(node, name)[0];
const text = (node, name) => one(node, name)?.['@value'];
const isType = (node, type) => (node?.['@type'] ?? []).includes(`${S}${type}`);

/** What a ClaimReview lacks of the properties Google requires (and the letter as the claim's appearance, at
 * `letterUrl`), as messages. */
function claimReviewProblems(review, letterUrl) {
  const problems = [];
  const need = (ok, what) => ok || problems.push(what);
  need(isType(review, 'ClaimReview'), '@type ClaimReview');
  need(text(review, 'claimReviewed')?.length > 10, 'claimReviewed');
  const rating = one(review, 'reviewRating');
  need(isType(rating, 'Rating'), 'reviewRating is a Rating');
  need(text(rating, 'alternateName')?.length > 3, 'reviewRating.alternateName');
  const item = one(review, 'itemReviewed');
  need(isType(item, 'Claim'), 'itemReviewed is a Claim');
  need(one(item, 'author') !== undefined, 'itemReviewed.author');
  const appearance = one(item, 'appearance');
  need(isType(appearance, 'CreativeWork'), 'itemReviewed.appearance is a CreativeWork');
  need(one(appearance, 'url')?.['@id'] === letterUrl, 'itemReviewed.appearance.url is the letter page');
  const author = one(review, 'author');
  need(isType(author, 'Organization') && text(author, 'name')?.length > 3, 'author');
  need(/^\d{4}-\d{2}-\d{2}$/.test(text(review, 'datePublished') ?? ''), 'datePublished');
  need(/^https?:\/\//.test(one(review, 'url')?.['@id'] ?? ''), 'url');
  return problems;
}

const claims = notes().filter((n) => n.kind === 'claim');

for (const prefix of ['', 'es/']) {
  test(`/${prefix}notes/*: every claim note's ClaimReview has every property Google requires`, async ({ page }) => {
    expect(claims.length).toBeGreaterThan(3);
    for (const { id } of claims) {
      const review = await expandedData(page, `${prefix}notes/${id}/`);
      expect(claimReviewProblems(review, `${origin}/${prefix}`), id).toEqual([]);
      expect(one(review, 'url')['@id']).toBe(`${origin}/${prefix}notes/${id}/`);
      // The rating's name is the verdict the page shows.
      const verdict = await page.locator('article.note .judgement strong').innerText();
      expect(text(one(review, 'reviewRating'), 'alternateName')).toBe(verdict);
      // Published on the day the note was last reviewed.
      const reviewed = await page.locator('.note-review p time').first().getAttribute('datetime');
      expect(text(review, 'datePublished')).toBe(reviewed);
    }
  });

  test(`/${prefix}: the letter page is a NewsArticle with its url, dates and author`, async ({ page }) => {
    const article = await expandedData(page, prefix);
    expect(isType(article, 'NewsArticle')).toBe(true);
    expect(text(article, 'headline').length).toBeGreaterThan(10);
    expect(text(article, 'datePublished')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(one(article, 'author'), 'name').length).toBeGreaterThan(3);
    expect(one(article, 'url')['@id']).toBe(`${origin}/${prefix}`);
    expect(text(article, 'inLanguage')).toBe(prefix ? 'es' : 'en');
  });
}

test('the check fails when any required property disappears', async ({ page }) => {
  await page.goto('notes/market-share/');
  const original = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  const expand = async (doc) => (await jsonld.expand(doc, { documentLoader, safe: true }))[0];
  const letter = `${origin}/`;
  expect(claimReviewProblems(await expand(original), letter)).toEqual([]);
  const removals = {
    claimReviewed: (d) => delete d.claimReviewed,
    'reviewRating.alternateName': (d) => delete d.reviewRating.alternateName,
    'itemReviewed.appearance': (d) => delete d.itemReviewed.appearance,
    'itemReviewed.author': (d) => delete d.itemReviewed.author,
    author: (d) => delete d.author,
    datePublished: (d) => delete d.datePublished,
    url: (d) => delete d.url,
    'appearance type': (d) => (d.itemReviewed.appearance['@type'] = 'Thing'),
  };
  for (const [name, remove] of Object.entries(removals)) {
    const doc = structuredClone(original);
    remove(doc);
    expect(claimReviewProblems(await expand(doc), letter).length, `without ${name}`).toBeGreaterThan(0);
  }
  // A context the loader does not serve is an error, not a silent network fetch.
  await expect(jsonld.expand({ ...original, '@context': 'https://example.org/ctx' }, { documentLoader })).rejects.toThrow();
});
