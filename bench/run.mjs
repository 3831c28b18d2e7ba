#!/usr/bin/env node
// `npm run bench`: Touchpoint next to Shoelace and a bare Lit element — sizes, render cost, heap,
// leaks, tooltip latency, telemetry cost — printed, and written to bench/RESULTS.md and
// bench/results.json. Not part of `npm test` (it takes minutes); CI runs only `npm run size`.
// Needs `npm run build` first. Components join by adding one file to bench/adapters/.
import { fileURLToPath } from 'node:url';
import { checkBudgets } from './budgets.mjs';
import { loadAdapters } from './lib/adapters.mjs';
import { HEAP_METHOD } from './lib/browser.mjs';
import { describeMachine } from './lib/machine.mjs';
import { printReport, writeReports } from './lib/report.mjs';
import { measureRuntime } from './lib/runtime.mjs';
import { measureSizes } from './lib/sizes.mjs';

export { checkBudgets, loadAdapters, measureRuntime, measureSizes, printReport, writeReports };

/** The whole benchmark; `options` go to measureRuntime (e.g. `{ runs: 3 }` for a quicker look). */
export async function runBench(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const adapters = await loadAdapters();
  log('sizes …');
  const sizes = await measureSizes(adapters);
  const sizeBudgets = await checkBudgets({ sizes }, 'sizes');
  const runtime = await measureRuntime(adapters, { ...options, log });
  const results = {
    date: new Date().toISOString(),
    machine: describeMachine(runtime.chromium),
    settings: runtime.settings,
    heapMethod: HEAP_METHOD,
    sizes,
    components: runtime.components,
  };
  const runtimeBudgets = await checkBudgets(results, 'runtime');
  results.budgets = [...sizeBudgets, ...runtimeBudgets].sort((a, b) => a.issue - b.issue);
  return results;
}

async function main() {
  const started = Date.now();
  const results = await runBench();
  printReport(results);
  await writeReports(results);
  console.log(`\nWrote bench/RESULTS.md and bench/results.json in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
