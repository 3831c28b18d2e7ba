// Runtime measurements in Chromium: rounds of fresh pages with the libraries interleaved
// (A B C A B C …), warm-up rounds discarded, then the leak check once per library. Returns medians,
// ranges and same-run ratios against the reference peer.
import { rm } from 'node:fs/promises';
import { serveStatic } from '../../scripts/static-server.mjs';
import { REFERENCE } from './adapters.mjs';
import { ISOLATION_HEADERS, launchBrowser, withFreshPage } from './browser.mjs';
import { metricsFor } from './metrics.mjs';
import { preparePages } from './pages.mjs';
import { checkLeak, measureElements, measureLatency, measureTelemetry } from './scenarios.mjs';
import { ratios, summarize } from './stats.mjs';

/** 11 measured runs keep a full `npm run bench` near two minutes on a 2-core machine. */
export const RUNTIME_DEFAULTS = {
  runs: 11,
  warmups: 1,
  renderCount: 1000,
  leakCycles: 10_000,
  leakWarmup: 1000,
  leakTolerance: 0.1,
  burst: 10_000,
};

/** Scenarios measured in every round, each in its own fresh page. (The leak check runs once, after.) */
const ROUND_SCENARIOS = [
  { covers: ['render', 'heap'], measure: measureElements },
  { covers: ['latency'], measure: measureLatency },
  { covers: ['telemetry'], measure: measureTelemetry },
];

/**
 * The shape of the results (also in results.json), for readers and for TypeScript callers.
 * @typedef {{ median: number, min: number, max: number, samples: number[] }} Summary
 * @typedef {Summary & { ratio?: Summary }} MetricSummary `ratio`: the run-by-run ratios to the reference.
 * @typedef {{ key: string, label: string, entry: string, missing?: string }} LibraryStatus
 * @typedef {{ cycles: number, beforeMB: number, afterMB: number, change: number, pass: boolean }} LeakResult
 * @typedef {{ name: string, noun: string, scenarios: string[], reference: string, libraries: LibraryStatus[],
 *   metrics: Record<string, Record<string, MetricSummary>>, leak: Record<string, LeakResult> }} ComponentResult
 */

/**
 * `options`: RUNTIME_DEFAULTS to override; `peers` and `scenarios` to keep only some (the
 * reference always stays); `log` for progress lines (stderr by default).
 * @returns {Promise<{ settings: typeof RUNTIME_DEFAULTS, chromium: string, components: ComponentResult[] }>}
 */
export async function measureRuntime(adapters, options = {}) {
  const { peers: keepPeers, scenarios: keepScenarios, log = (line) => console.error(line), ...rest } = options;
  const settings = { ...RUNTIME_DEFAULTS, ...rest };
  const narrowed = adapters.map((adapter) => narrow(adapter, keepPeers, keepScenarios)).filter((a) => a.scenarios.length);
  const { dir, prepared } = await preparePages(narrowed);
  const browser = await launchBrowser();
  const server = await serveStatic(dir, { headers: ISOLATION_HEADERS });
  try {
    const open = (lib, measure) => withFreshPage(browser, `${server.url}${lib.page}`, (page, cdp) => measure(page, cdp, lib));
    // Nothing to compare when only the reference could be built (e.g. no Touchpoint hub, no peer).
    const measurable = prepared.filter(({ libraries }) => libraries.some((l) => l.key !== REFERENCE && l.page));
    const samples = await runRounds(measurable, settings, open, log);
    const leaks = await runLeakChecks(measurable, settings, open, log);
    return {
      settings,
      chromium: browser.version(),
      components: prepared.map((p) => summarizeComponent(p, samples, leaks, measurable.includes(p))),
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function narrow(adapter, peers, scenarios) {
  const keepPeer = ([key]) => !peers || key === REFERENCE || peers.includes(key);
  return {
    ...adapter,
    scenarios: adapter.scenarios.filter((s) => !scenarios || scenarios.includes(s)),
    peers: Object.fromEntries(Object.entries(adapter.peers).filter(keepPeer)),
  };
}

/** samples[component][library][metric] = one value per measured run. */
async function runRounds(prepared, settings, open, log) {
  const samples = {};
  const rounds = settings.warmups + settings.runs;
  for (let round = 0; round < rounds; round++) {
    const warmup = round < settings.warmups;
    log(`round ${round + 1}/${rounds}${warmup ? ' (warm-up, discarded)' : ''}`);
    for (const { adapter, libraries } of prepared) {
      for (const { covers, measure } of ROUND_SCENARIOS) {
        const scenarios = adapter.scenarios.filter((s) => covers.includes(s));
        if (!scenarios.length) continue;
        for (const lib of libraries.filter((l) => l.page)) {
          const result = await open(lib, (page, cdp) => measure(page, cdp, lib, { ...settings, scenarios }));
          if (warmup) continue;
          for (const [metric, value] of Object.entries(result)) {
            ((samples[adapter.name] ??= {})[lib.key] ??= {})[metric] ??= [];
            samples[adapter.name][lib.key][metric].push(value);
          }
        }
      }
    }
  }
  return samples;
}

/** leaks[component][library]: once per library; 10,000 cycles are the measurement, not a sample. */
async function runLeakChecks(prepared, settings, open, log) {
  const leaks = {};
  for (const { adapter, libraries } of prepared.filter((p) => p.adapter.scenarios.includes('leak'))) {
    for (const lib of libraries.filter((l) => l.page)) {
      log(`leak check: ${adapter.name} · ${lib.label} (${settings.leakCycles} cycles)`);
      (leaks[adapter.name] ??= {})[lib.key] = await open(lib, (page, cdp) => checkLeak(page, cdp, lib, settings));
    }
  }
  return leaks;
}

function summarizeComponent({ adapter, libraries }, samples, leaks, measured) {
  const series = samples[adapter.name] ?? {};
  const metrics = {};
  for (const { key } of metricsFor(adapter.scenarios)) {
    const reference = series[REFERENCE]?.[key];
    for (const lib of libraries) {
      const values = series[lib.key]?.[key];
      if (!values) continue;
      (metrics[key] ??= {})[lib.key] = { ...summarize(values), ratio: lib.key === REFERENCE ? undefined : reference && ratios(values, reference) };
    }
  }
  return {
    name: adapter.name,
    noun: adapter.noun,
    scenarios: adapter.scenarios,
    reference: REFERENCE,
    libraries: libraries.map((lib) => ({
      key: lib.key,
      label: lib.label,
      entry: lib.entry,
      ...(lib.missing ? { missing: lib.missing } : measured ? {} : { missing: 'nothing to compare it with yet' }),
    })),
    metrics,
    leak: leaks[adapter.name] ?? {},
  };
}
