// Every budget the component issues name in their "Size:" and "Bench:" lines (issues 2, 4, 5, 6,
// 8, 9, 10, 11) plus the leak rule of the Benchmarks issue (3), checked against one run: met,
// missed (with the reason) or not yet measurable (the component is not built).
// Size budgets are checked right after the size table (stage 'sizes'): the tree is shared, and
// dist/ may be rebuilt while the runtime part runs, so both must see the same build.
import { readFileSync } from 'node:fs';
import { REFERENCE } from './lib/adapters.mjs';
import { count, kib, num, percent, spread, times } from './lib/format.mjs';
import { METRICS } from './lib/metrics.mjs';
import { bundleTogether } from './lib/sizes.mjs';
import { resolveEntry } from './lib/resolve-entry.mjs';

const KIB = 1024;

const met = (measured) => ({ measured, status: 'met' });
const missed = (measured, reason) => ({ measured, status: 'missed', reason });
const notYet = (reason) => ({ measured: '—', status: 'not yet measurable', reason });

/**
 * For a budget that includes Lit: what Lit alone costs, so a missed size budget says what is left
 * for the component. Budgets smaller than Lit (the telemetry entries do not include it) get nothing.
 */
const litShare = (results, limit) => {
  const lit = results.sizes.reference.gzip / KIB;
  return limit > lit
    ? `; the bare Lit element alone is ${kib(results.sizes.reference.gzip)} KiB, leaving ${(limit - lit).toFixed(2)} KiB for the component`
    : '';
};

/** The size table's row for a single entry (the same build), else the entries bundled together now. */
const sizeOf = async (results, entries) =>
  (entries.length === 1 && results.sizes.entries.find((e) => e.name === entries[0])) || bundleTogether(entries);

function gzipBudget(issue, entries, limit, what) {
  return {
    issue,
    stage: 'sizes',
    budget: `${what} ≤ ${limit} KiB gzip`,
    async check(results) {
      const size = await sizeOf(results, entries);
      if (size.missing) return notYet(size.missing);
      const shown = `${kib(size.gzip)} KiB`;
      return size.gzip <= limit * KIB ? met(shown) : missed(shown, `${kib(size.gzip - limit * KIB)} KiB over${litShare(results, limit)}`);
    },
  };
}

const entrySize = (issue, entry, limit) => gzipBudget(issue, [entry], limit, `\`${entry}\` with Lit`);

/** What `encoder` adds to a page that already loads `base` (one entry, or several bundled together). */
function onTopOf(issue, base, encoder, limit, what, under = 'the hub') {
  return {
    issue,
    stage: 'sizes',
    budget: `${what} ≤ ${limit} KiB gzip on top of ${under}`,
    async check(results) {
      const [alone, both] = [await sizeOf(results, base), await sizeOf(results, [...base, encoder])];
      if (alone.missing || both.missing) return notYet(alone.missing ?? both.missing);
      const added = both.gzip - alone.gzip;
      return added <= limit * KIB ? met(`+${kib(added)} KiB`) : missed(`+${kib(added)} KiB`, `${kib(added - limit * KIB)} KiB over`);
    },
  };
}

/** Whether Touchpoint (the library being budgeted) has numbers for this component yet. */
function touchpointOf(results, component) {
  const found = results.components.find((c) => c.name === component);
  const touchpoint = found?.libraries.find((l) => l.key === 'touchpoint');
  if (!found || touchpoint?.missing) return { missing: `no Touchpoint ${found?.noun ?? component} yet (${touchpoint?.missing ?? 'no adapter'})` };
  return { component: found };
}

/** The same metric for the peers in the same run, as context for a missed budget. */
const peersOf = (component, key, pick) =>
  Object.entries(component.metrics[key] ?? {})
    .filter(([lib]) => lib !== 'touchpoint' && lib !== REFERENCE)
    .map(([lib, summary]) => `${component.libraries.find((l) => l.key === lib).label} ${pick(summary)}`)
    .join(', ');

const sameRun = (others) => (others ? `; same run: ${others}` : '');

/** An absolute runtime limit on the Touchpoint median (`statistic: 'max'` for "never", e.g. long tasks). */
function runtimeLimit(issue, budget, component, key, limit, statistic = 'median') {
  const { unit, digits } = METRICS.find((m) => m.key === key);
  return {
    issue,
    stage: 'runtime',
    budget,
    async check(results) {
      const { component: found, missing } = touchpointOf(results, component);
      if (missing) return notYet(missing);
      const summary = found.metrics[key]?.touchpoint;
      if (!summary) return notYet(`${key} was not measured in this run`);
      const shown = `${spread(summary, digits)} ${unit}`;
      const value = summary[statistic];
      const others = peersOf(found, key, (s) => `${spread(s, digits)} ${unit}`);
      return value <= limit ? met(shown) : missed(shown, `${statistic} ${num(value, digits)} ${unit} > ${limit}${sameRun(others)}`);
    },
  };
}

/** A limit on the Touchpoint / bare-Lit ratio, median of the same-run ratios. */
function ratioLimit(issue, budget, component, key, limit) {
  return {
    issue,
    stage: 'runtime',
    budget,
    async check(results) {
      const { component: found, missing } = touchpointOf(results, component);
      if (missing) return notYet(missing);
      const ratio = found.metrics[key]?.touchpoint?.ratio;
      if (!ratio) return notYet(`${key} was not measured against the reference in this run`);
      const others = peersOf(found, key, (s) => times(s.ratio));
      return ratio.median <= limit ? met(times(ratio)) : missed(times(ratio), `median ratio over ${limit}×${sameRun(others)}`);
    },
  };
}

/** Issue 6: pages that do not ask for vitals pay nothing, so the script tag bundle must not contain web-vitals. */
const vitalsOutOfScript = {
  issue: 6,
  stage: 'sizes',
  budget: 'the vitals script is not in `touchpoint.min.js`',
  async check() {
    const vitals = resolveEntry('touchpoint/vitals');
    if (vitals.missing) return notYet(vitals.missing);
    const script = readFileSync(resolveEntry('touchpoint/touchpoint.min.js').file, 'utf8');
    // The PerformanceObserver entry types web-vitals must observe: minifiers keep string literals.
    const found = ['largest-contentful-paint', 'layout-shift'].filter((type) => script.includes(type));
    return found.length ? missed('included', `touchpoint.min.js observes ${found.join(', ')}`) : met('not included');
  },
};

/** Issue 3: for every component with a leak scenario, Touchpoint's heap after 10,000 cycles within 10%. */
function leakBudgets(results) {
  return results.components
    .filter((c) => c.scenarios.includes('leak'))
    .map((c) => ({
      issue: 3,
      stage: 'runtime',
      budget: `${c.name}: heap after ${count(results.settings.leakCycles)} mount/unmount cycles within ${results.settings.leakTolerance * 100}% of the start`,
      async check() {
        const { missing } = touchpointOf(results, c.name);
        if (missing) return notYet(missing);
        const leak = c.leak.touchpoint;
        const shown = `${percent(leak.change)} (${leak.beforeMB.toFixed(2)} → ${leak.afterMB.toFixed(2)} MB)`;
        const reference = c.leak[REFERENCE];
        return leak.pass ? met(shown) : missed(shown, `grew more than ${results.settings.leakTolerance * 100}%; bare Lit in the same run: ${percent(reference.change)}`);
      },
    }));
}

const ISSUE_BUDGETS = [
  entrySize(2, 'touchpoint/progress-bar', 7.5),
  runtimeLimit(4, 'median main-thread cost per `track()` ≤ 10 µs', 'telemetry', 'trackUs', 10),
  runtimeLimit(4, 'no long task (> 50 ms) in a burst of 10,000 events', 'telemetry', 'longTasks', 0, 'max'),
  gzipBudget(4, ['touchpoint/telemetry'], 1.5, 'hub entry (`touchpoint/telemetry`)'),
  gzipBudget(5, ['touchpoint/telemetry', 'touchpoint/telemetry/http'], 2.5, 'hub + HTTP sink'),
  // The issue's measure: a page with only the hub that adds the OTLP (or Segment) sink. The sink
  // brings the reliable delivery it shares with the HTTP sink, so the second row shows the encoder
  // alone, as a page already sending to a collector would pay for it.
  onTopOf(6, ['touchpoint/telemetry'], 'touchpoint/telemetry/otlp', 1, 'OTLP encoder'),
  onTopOf(6, ['touchpoint/telemetry'], 'touchpoint/telemetry/segment', 1, 'Segment encoder'),
  onTopOf(6, ['touchpoint/telemetry', 'touchpoint/telemetry/http'], 'touchpoint/telemetry/otlp', 1, 'OTLP encoder', 'hub + HTTP sink (context)'),
  onTopOf(6, ['touchpoint/telemetry', 'touchpoint/telemetry/http'], 'touchpoint/telemetry/segment', 1, 'Segment encoder', 'hub + HTTP sink (context)'),
  vitalsOutOfScript,
  entrySize(8, 'touchpoint/submit-confirmation', 12),
  runtimeLimit(9, 'keyboard focus → tooltip visible within 1 frame (Shoelace: 3)', 'tooltip', 'visibleFrames', 1),
  ratioLimit(9, '1000 tooltips render ≤ 1.25× a bare Lit element (Shoelace: 2.1×)', 'tooltip', 'renderMs', 1.25),
  runtimeLimit(9, 'JS heap with 1000 tooltips ≤ 2.5 MB (Shoelace: 4.4 MB)', 'tooltip', 'heapMB', 2.5),
  entrySize(9, 'touchpoint/tooltip', 9),
  entrySize(10, 'touchpoint/steps', 7.5),
  ratioLimit(10, '1000 progress bars render ≤ 1.1× a bare Lit element (Shoelace: 1.2×)', 'progress-bar', 'renderMs', 1.1),
  entrySize(11, 'touchpoint/unsubscribe', 9),
];

/**
 * `[{ issue, budget, measured, status, reason? }]` for the budgets of `stage`: 'sizes' needs
 * `results.sizes`; 'runtime' needs `results.components` and `results.settings` too.
 */
export async function checkBudgets(results, stage) {
  const all = stage === 'runtime' ? [...ISSUE_BUDGETS, ...leakBudgets(results)] : ISSUE_BUDGETS;
  const checked = [];
  for (const { issue, budget, check } of all.filter((b) => b.stage === stage)) {
    checked.push({ issue, budget, ...(await check(results)) });
  }
  return checked;
}
