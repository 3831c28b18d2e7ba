// Table models ({ title, head, rows, notes }) from one run's results: the sizes, one runtime table
// per component with the libraries side by side, and the budgets. format.mjs prints them.
import { count, kib, percent, spread, times } from './format.mjs';
import { metricsFor } from './metrics.mjs';

const sizeCell = (size, reference) =>
  size.missing ? 'not yet built' : `${kib(size.gzip)} / ${kib(size.brotli)} (${(size.gzip / reference.gzip).toFixed(2)}×)`;

export function sizeTables({ reference, entries, components }) {
  const keys = [...new Set(components.flatMap((c) => Object.keys(c.libraries)))];
  const labelOf = (key) => components.map((c) => c.libraries[key]?.label).find(Boolean);
  // Name the peers' files; Touchpoint's entries are listed in the next table.
  const peerEntries = components.flatMap((c) => Object.entries(c.libraries)).filter(([key, l]) => key !== 'touchpoint' && l.entry).map(([, l]) => l);
  return [
    {
      title: 'Sizes per component, bundled with Lit: gzip / brotli KiB (× the bare Lit element, gzip)',
      head: ['component', ...keys.map(labelOf)],
      rows: components.map((c) => [c.name, ...keys.map((key) => (c.libraries[key] ? sizeCell(c.libraries[key], reference) : '—'))]),
      notes: [
        `bare Lit element (reference): ${kib(reference.gzip)} KiB gzip / ${kib(reference.brotli)} KiB brotli`,
        ...peerEntries.map((l) => `${l.label}: ${l.entry}`),
      ],
    },
    {
      title: 'Every Touchpoint public entry (KiB)',
      head: ['entry', 'min', 'gzip', 'brotli', '× bare Lit (gzip)'],
      rows: entries.map((e) => [e.name, kib(e.min), kib(e.gzip), kib(e.brotli), `${(e.gzip / reference.gzip).toFixed(2)}×`]),
    },
  ];
}

const notYetMeasured = (component, lib) => `not yet measured: no ${lib.label} ${component.noun} (${lib.missing})`;

export function runtimeTable(component, settings) {
  const title = `${component.name}: median (min–max) of ${settings.runs} runs; × = ratio to bare Lit in the same run`;
  const measured = component.libraries.filter((lib) => !lib.missing);
  const missing = component.libraries.filter((lib) => lib.missing);
  if (!measured.some((lib) => lib.key !== component.reference)) {
    return { title: `${component.name}`, notes: missing.filter((l) => l.key !== component.reference).map((l) => notYetMeasured(component, l)) };
  }
  const head = ['metric', ...component.libraries.map((l) => (l.key === component.reference ? `${l.label} (reference)` : l.label))];
  const cell = (lib, summary, digits) => {
    if (lib.missing || !summary) return 'not yet measured';
    return summary.ratio ? `${spread(summary, digits)} · ${times(summary.ratio)}` : spread(summary, digits);
  };
  const rows = metricsFor(component.scenarios).map((metric) => [
    `${metric.label(settings)} (${metric.unit})`,
    ...component.libraries.map((lib) => cell(lib, component.metrics[metric.key]?.[lib.key], metric.digits)),
  ]);
  if (component.scenarios.includes('leak')) {
    rows.push([
      `leak: JS heap after ${count(settings.leakCycles)} mount/unmount cycles vs before`,
      ...component.libraries.map((lib) => {
        const leak = component.leak[lib.key];
        if (!leak) return 'not yet measured';
        return `${percent(leak.change)} ${leak.pass ? 'pass' : 'FAIL'} (${leak.beforeMB.toFixed(2)} → ${leak.afterMB.toFixed(2)} MB)`;
      }),
    ]);
  }
  return { title, head, rows, notes: missing.map((l) => notYetMeasured(component, l)) };
}

export function budgetTable(budgets) {
  return {
    title: 'Budgets from the component issues',
    head: ['issue', 'budget', 'measured', 'status', 'reason'],
    rows: budgets.map((b) => [`#${b.issue}`, b.budget, b.measured, b.status, b.reason ?? '']),
  };
}
