#!/usr/bin/env node
// `npm run size`: min/gzip/brotli of every public entry bundled with its dependencies (what a page
// loads up front; chunks loaded on demand are listed apart), against bench/size-budget.json.
// Exits 1 when an entry is over budget or a budgeted entry is missing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle, bundleChunks, kib, measure } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const budgets = JSON.parse(readFileSync(`${root}/bench/size-budget.json`, 'utf8'));

/** The production file of each JavaScript export (`default` condition), keyed by its import name. */
function publicEntries() {
  const entries = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file?.endsWith('.js')) continue; // types-only entries (touchpoint/jsx) have no file
    const name = key === '.' ? 'touchpoint' : key.endsWith('.js') ? key.slice(2) : `touchpoint/${key.slice(2)}`;
    entries.push({ name, file: `${root}/${file}`, prebundled: key.endsWith('.js') });
  }
  return entries;
}

export async function sizes() {
  const rows = [{ name: 'bare Lit element (reference)', ...measure(await bundle(`${root}/bench/fixtures/bare-lit.js`)) }];
  for (const { name, file, prebundled } of publicEntries()) {
    if (prebundled) {
      rows.push({ name, ...measure(readFileSync(file, 'utf8')), budget: budgets[name] });
      continue;
    }
    const { entry, lazy } = await bundleChunks(file);
    rows.push({ name, ...measure(entry), budget: budgets[name] });
    // Lazily loaded code is reported too: smaller up front is not the same as smaller.
    if (lazy.length) rows.push({ name: `${name} (loaded on demand)`, ...measure(lazy.join('\n')) });
  }
  return rows;
}

async function main() {
  const rows = await sizes();
  const failures = [];
  console.log('entry'.padEnd(34), 'min KiB'.padStart(8), 'gzip KiB'.padStart(9), 'brotli KiB'.padStart(11), '  budget (gzip)');
  for (const r of rows) {
    const over = r.budget !== undefined && r.gzip / 1024 > r.budget;
    if (over) failures.push(`${r.name}: ${kib(r.gzip)} KiB gzip is over its ${r.budget} KiB budget`);
    const verdict = r.budget === undefined ? '' : `${over ? 'OVER' : 'ok'} ≤ ${r.budget}`;
    console.log(r.name.padEnd(34), kib(r.min).padStart(8), kib(r.gzip).padStart(9), kib(r.brotli).padStart(11), ' ', verdict);
  }
  for (const name of Object.keys(budgets)) {
    if (!name.startsWith('/') && !rows.some((r) => r.name === name)) failures.push(`${name}: has a budget but is not a public entry`);
  }
  if (failures.length) {
    console.error(`\nSize budget failed:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
