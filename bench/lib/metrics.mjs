// Every runtime number the harness reports: the scenario that yields it, what it means and its
// unit. Scenarios, tables, budgets and results.json all use these keys.
import { count } from './format.mjs';

export const METRICS = [
  { key: 'renderMs', scenario: 'render', unit: 'ms', digits: 1, label: (s) => `create + render ${count(s.renderCount)}, until after the next paint` },
  { key: 'heapMB', scenario: 'heap', unit: 'MB', digits: 2, label: (s) => `JS heap after GC with ${count(s.renderCount)} elements` },
  { key: 'elementsHeapMB', scenario: 'heap', unit: 'MB', digits: 2, label: (s) => `… of which the ${count(s.renderCount)} elements (heap before rendering subtracted)` },
  { key: 'visibleFrames', scenario: 'latency', unit: 'frames', digits: 0, label: () => 'keyboard focus → tooltip visible' },
  { key: 'visibleMs', scenario: 'latency', unit: 'ms', digits: 1, label: () => 'keyboard focus → tooltip visible' },
  { key: 'settledFrames', scenario: 'latency', unit: 'frames', digits: 0, label: () => 'keyboard focus → animations settled' },
  { key: 'settledMs', scenario: 'latency', unit: 'ms', digits: 1, label: () => 'keyboard focus → animations settled' },
  { key: 'trackUs', scenario: 'telemetry', unit: 'µs', digits: 2, label: () => 'main-thread time per track()' },
  { key: 'longTasks', scenario: 'telemetry', unit: 'tasks', digits: 0, label: (s) => `long tasks (> 50 ms) during a burst of ${count(s.burst)}` },
];

export const metricsFor = (scenarios) => METRICS.filter((m) => scenarios.includes(m.scenario));
