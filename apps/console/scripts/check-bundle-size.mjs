// Fails when the first page (the entry chunk, the chunks it imports statically, and their CSS) is
// over the budget, gzipped. Reads dist/ as `vite build` left it.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifestPath = `${dist}.vite/manifest.json`;

if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build -w @hookrelay/console\` first.`);
  process.exit(1);
}

const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('the manifest names no entry chunk');

/** Every file the browser fetches before the first page renders: static imports, not dynamic ones. */
function firstPageFiles(key, seen = new Set()) {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  return [
    chunk.file,
    ...(chunk.css ?? []),
    ...(chunk.imports ?? []).flatMap((imported) => firstPageFiles(imported, seen)),
  ];
}

const files = [...new Set(firstPageFiles(entryKey))];
let total = 0;
for (const file of files) {
  const size = gzipSync(await readFile(`${dist}${file}`)).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `${(total / 1024).toFixed(1).padStart(8)} KB  first page, gzip (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`,
);
if (total > BUDGET_BYTES) process.exit(1);
