// Prints one run's tables to the terminal and writes bench/RESULTS.md (for people) and
// bench/results.json (the same numbers with every sample, for comparing runs over time).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { count, toMarkdown, toText } from './format.mjs';
import { machineLine } from './machine.mjs';
import { EVENTS_PER_TASK, LEAK_BATCH } from './scenarios.mjs';
import { budgetTable, runtimeTable, sizeTables } from './tables.mjs';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

function tablesOf(results) {
  return {
    sizes: sizeTables(results.sizes),
    runtime: results.components.map((c) => runtimeTable(c, results.settings)),
    budgets: budgetTable(results.budgets),
  };
}

export function printReport(results) {
  const { sizes, runtime, budgets } = tablesOf(results);
  console.log([...sizes, ...runtime, budgets].map(toText).join('\n\n'));
  console.log(`\n${machineLine(results.machine)} · ${results.date}`);
}

function method({ settings, heapMethod }) {
  const { runs, warmups, renderCount, leakCycles, leakWarmup, leakTolerance, burst } = settings;
  return [
    '- **Sizes**: each entry bundled with its dependencies (Lit included) by `bench/bundle.mjs` — rollup, node-resolve (`browser`, `production` conditions), terser — then gzip -9 and brotli -q 11. Touchpoint entries are the `default` (production) condition of package.json "exports".',
    `- **Runtime**: headless Chromium through playwright-core. Every measurement opens a fresh browser context; in each round the libraries run one after another (A B C A B C …); ${warmups} warm-up round(s) discarded, ${runs} measured. Cells are median (min–max); × is the ratio to the bare Lit element of the *same* round, summarized the same way.`,
    `- **Render**: ${count(renderCount)} elements created from markup (\`innerHTML\`), timed until after the next paint (double \`requestAnimationFrame\`).`,
    `- **Heap**: ${heapMethod}. Measured with the ${count(renderCount)} elements on the page; "of which the elements" subtracts the same page's heap before rendering.`,
    `- **Leak**: once per library, ${count(leakWarmup)} warm-up cycles, then ${count(leakCycles)} cycles of mount → \`updateComplete\` → remove (in batches of ${LEAK_BATCH} per \`page.evaluate\`); the heap after vs before (both after GC) may grow by at most ${leakTolerance * 100}%.`,
    '- **Latency**: one tooltip wrapping a button; `Tab` focuses the button (so `:focus-visible` applies). Frame N is the Nth `requestAnimationFrame` callback after `focusin`; visible = the tooltip body passes `checkVisibility({ opacityProperty, visibilityProperty })` with a non-empty box; settled = no animation running in the document or any shadow root. ms = time from `focusin` to that callback.',
    `- **Telemetry**: µs per \`track()\` = the median of ${count(burst / EVENTS_PER_TASK)} timed chunks of ${EVENTS_PER_TASK} calls, divided by ${EVENTS_PER_TASK}; long tasks (PerformanceObserver \`longtask\`) while ${count(burst)} events are emitted ${EVENTS_PER_TASK} per task, plus 1 s for the hub to send.`,
    '- **References**: `bench/fixtures/bare-lit.js` (progress bar), `bare-lit-tooltip.js` (the least a Lit tooltip does), `bare-lit-telemetry.js` (one composed event, no hub). Pages are served cross-origin isolated (COOP/COEP) so timers resolve to 5 µs.',
    '- These machines are noisy (medians move up to 40% between runs): compare ratios within one run, not absolute numbers across runs.',
  ].join('\n');
}

function markdown(results) {
  const { sizes, runtime, budgets } = tablesOf(results);
  return [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` on ${results.date}.`,
    '',
    `Machine: ${machineLine(results.machine)}.`,
    '',
    '## How',
    '',
    method(results),
    '',
    '## Sizes',
    '',
    sizes.map((t) => toMarkdown(t)).join('\n\n'),
    '',
    '## Runtime',
    '',
    runtime.map((t) => toMarkdown(t)).join('\n\n'),
    '',
    toMarkdown(budgets, '##'),
    '',
  ].join('\n');
}

export async function writeReports(results, dir = BENCH_DIR) {
  await writeFile(`${dir}/RESULTS.md`, markdown(results));
  await writeFile(`${dir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
}
