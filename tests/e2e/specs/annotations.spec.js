// The notes as W3C Web Annotations (`annotations.jsonld`, one per edition): valid against the W3C test suite's
// JSON Schemas (a copy in tests/vendor/web-annotation-tests), one annotation per mark of the letter, and every
// selector anchored in the rendered letter by a third-party library (@apache-annotator/dom) in Chromium.
import { test, expect } from './fixtures.js';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const suite = path.resolve(here, '../../vendor/web-annotation-tests');
const origin = process.env.BUILD_ORIGIN || 'http://127.0.0.1:4173';
const editions = [
  { lang: 'en', prefix: '' },
  { lang: 'es', prefix: 'es/' },
];

/** Every JSON file under a folder. */
const jsonFiles = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const file = path.join(dir, f);
    if (statSync(file).isDirectory()) return jsonFiles(file);
    return f.endsWith('.json') ? [file] : [];
  });

/** The suite's schemas, each registered under its own `id` (which is not always its file name). */
function validator() {
  // The schemas carry the suite's own keywords (assertionType, errorMessage…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const byFile = new Map();
  for (const file of jsonFiles(suite)) {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    ajv.addSchema(schema);
    byFile.set(path.relative(suite, file), schema);
  }
  return { ajv, byFile };
}

/** The assertions a test file of the suite lists (`annotations/annotationMusts.test`…). */
const assertions = (testFile) => JSON.parse(readFileSync(path.join(suite, testFile), 'utf8')).assertions;

/** Optional features of the model the site's file uses; the suite checks that they are implemented right. */
const usedOptionals = [
  'annotations/3.1-bodyKeyFound.json',
  'annotations/3.3.5-annotationMotivationImplemented.json',
  'annotations/bodiesTargets/3.3.5-bodyPurpose.json',
  'annotations/bodiesTargets/3.2.1-bodyLanguage.json',
  'annotations/specificResource/4.2.4-textQuoteSelector.json',
  'annotations/specificResource/4.2.4-prefix.json',
  'annotations/specificResource/4.2.4-suffix.json',
  'annotations/specificResource/4.2.5-textPositionSelector.json',
];

/** Checks `data` against each assertion; returns the failures, with the suite's own message. */
function check({ ajv, byFile }, files, data, what) {
  const failures = [];
  for (const file of files) {
    const schema = byFile.get(file);
    expect(schema, `${file} is in the copy of the suite`).toBeTruthy();
    const valid = ajv.validate(schema.id, data);
    if (valid !== (schema.expectedResult === 'valid')) {
      failures.push(`${what}: ${file}: ${schema.errorMessage} ${ajv.errorsText()}`);
    }
  }
  return failures;
}

/** @apache-annotator/dom bundled for the browser (it is published as modules with CommonJS helpers). */
let annotator;
test.beforeAll(async () => {
  const out = await esbuild.build({
    stdin: {
      contents:
        "export { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from '@apache-annotator/dom';",
      resolveDir: here,
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  annotator = out.outputFiles[0].text;
});

/**
 * Opens an edition's letter page and anchors every annotation's selectors in its letter text with
 * @apache-annotator/dom, served from the page's own origin (the page's Content-Security-Policy allows only
 * that). `change`, if given, runs in the page first. Returns what each selector found.
 */
async function anchor(page, prefix, items, change) {
  await page.route('**/__annotator.js', (route) =>
    route.fulfill({ body: annotator, contentType: 'text/javascript' }),
  );
  await page.goto(prefix);
  if (change) await page.evaluate(change);
  return page.evaluate(async (items) => {
    const { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } = await import('/__annotator.js');
    const scope = document.querySelector('.letter-text');
    const all = async (matches) => {
      const found = [];
      for await (const range of matches) found.push(range.toString());
      return found;
    };
    const out = [];
    for (const a of items) {
      const [quote, position] = a.target.selector;
      out.push({
        id: a.id,
        exact: quote.exact,
        byQuote: await all(createTextQuoteSelectorMatcher(quote)(scope)),
        byPosition: await all(createTextPositionSelectorMatcher(position)(scope)),
      });
    }
    return out;
  }, items);
}

for (const { lang, prefix } of editions) {
  test.describe(`/${prefix}annotations.jsonld`, () => {
    test('is a valid AnnotationCollection by the W3C test suite, advertised by the letter page', async ({ page, request }) => {
      const response = await request.get(`${prefix}annotations.jsonld`);
      expect(response.status()).toBe(200);
      const collection = await response.json();
      expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(collection.id).toBe(`${origin}/${prefix}annotations.jsonld`);
      const items = collection.first.items;
      expect(items.length).toBeGreaterThan(10);
      expect(collection.total).toBe(items.length);

      const v = validator();
      // The page assertions take a collection with its page embedded; the annotation assertions take one
      // annotation as a document of its own, so each carries the context it inherits from the collection.
      const alone = (a) => ({ '@context': collection['@context'], ...a });
      const failures = [
        ...check(v, assertions('collections/collectionMusts.test'), collection, 'collection'),
        ...check(v, assertions('collections/pages/pageMusts.test'), collection, 'page'),
        ...items.flatMap((a) =>
          check(v, [...assertions('annotations/annotationMusts.test'), ...usedOptionals], alone(a), a.id),
        ),
      ];
      expect(failures, failures.join('\n')).toEqual([]);
      expect(new Set(items.map((a) => a.id)).size, 'annotation ids are unique').toBe(items.length);

      await page.goto(prefix);
      await expect(page.locator('link[rel="alternate"][type="application/ld+json"]')).toHaveAttribute(
        'href',
        collection.id,
      );
    });

    test('has one annotation per mark of the letter, each linking its note in this edition', async ({ page, request }) => {
      const items = (await (await request.get(`${prefix}annotations.jsonld`)).json()).first.items;
      await page.goto(prefix);
      const marks = await page
        .locator('.letter-text a.mark')
        .evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href'), document.baseURI).pathname));
      const linked = items.map((a) => new URL(a.body.find((b) => b.format === 'text/html').id).pathname);
      expect(linked).toEqual(marks);
      for (const a of items) {
        expect(a.target.source).toBe(`${origin}/${prefix}`);
        expect(a.body.find((b) => b.purpose === 'describing').value.length).toBeGreaterThan(3);
        expect(a.body.find((b) => b.purpose === 'tagging').language).toBe(lang);
      }
    });

    test('every selector finds its passage, exactly once, in the rendered letter', async ({ page, request }) => {
      const items = (await (await request.get(`${prefix}annotations.jsonld`)).json()).first.items;
      const found = await anchor(page, prefix, items);
      expect(found.length).toBe(items.length);
      for (const { id, exact, byQuote, byPosition } of found) {
        expect(byQuote, `${id}: its TextQuoteSelector`).toEqual([exact]);
        expect(byPosition, `${id}: its TextPositionSelector`).toEqual([exact]);
      }
    });

    test('a changed letter text no longer anchors', async ({ page, request }) => {
      const items = (await (await request.get(`${prefix}annotations.jsonld`)).json()).first.items;
      // One more character in the first mark's passage: the quote is no longer there, and the positions of
      // that mark and of every later one name other text.
      const found = await anchor(page, prefix, items, () => {
        const text = document.querySelector('.letter-text a.mark[id]');
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.parentElement.closest('.vh, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const node = walker.nextNode();
        node.data = `${node.data.slice(0, 3)}x${node.data.slice(3)}`;
      });
      const changed = found.find((f) => f.byQuote.length !== 1);
      expect(changed, 'the changed passage is not found').toBeTruthy();
      expect(found.filter((f) => f.byPosition[0] !== f.exact).length).toBeGreaterThan(0);
    });
  });
}
