// Prints the print edition to PDF (A4) in headless Chromium and reports each edition's page count and
// bytes. Usage: node print-pdf.js URL [URL…]. Prints one JSON array. Run by `cargo xtask bench`; reported,
// never asserted (the browser suite checks the content of the PDF: print.spec.js).
import { launch } from './chromium.js';
import { getDocumentProxy } from 'unpdf';

const browser = await launch();
const results = [];
for (const url of process.argv.slice(2)) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const pdf = await page.pdf({ format: 'A4' });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  results.push({ url: new URL(url).pathname, format: 'A4', pages: doc.numPages, bytes: pdf.length });
  await page.close();
}
await browser.close();
console.log(JSON.stringify(results));
