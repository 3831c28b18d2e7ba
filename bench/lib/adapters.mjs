// Loads the adapters in bench/adapters/: one file per component, so a new component joins the
// benchmark by adding one file. Checks each adapter's shape up front, so a mistake is named
// before a five-minute run starts rather than in the middle of it.
import { readdir } from 'node:fs/promises';

/** Every ratio is taken against this peer, measured in the same run. */
export const REFERENCE = 'bareLit';

const SCENARIOS = ['render', 'heap', 'leak', 'latency', 'telemetry'];

const LABELS = { touchpoint: 'Touchpoint', shoelace: 'Shoelace', bareLit: 'bare Lit' };

/** Scenarios that mount elements from markup need a tag and `create(i)`; latency also needs `visible`. */
const ELEMENT_SCENARIOS = ['render', 'heap', 'leak', 'latency'];

const ADAPTERS_DIR = new URL('../adapters/', import.meta.url);

export async function loadAdapters(dir = ADAPTERS_DIR) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();
  const adapters = [];
  for (const file of files) {
    const { default: adapter } = await import(new URL(file, dir).href);
    validate(adapter, file);
    adapters.push(adapter);
  }
  return adapters;
}

/** An adapter's libraries in table order: Touchpoint, then its peers, the reference last. */
export function librariesOf(adapter) {
  const { [REFERENCE]: reference, ...others } = adapter.peers;
  const entries = [['touchpoint', adapter.touchpoint], ...Object.entries(others), [REFERENCE, reference]];
  return entries.map(([key, spec]) => ({ key, label: LABELS[key] ?? key, ...spec }));
}

function validate(adapter, file) {
  const fail = (why) => {
    throw new Error(`bench/adapters/${file}: ${why}`);
  };
  if (!adapter?.name || !adapter.noun) fail('needs a `name` and a `noun` (e.g. "tooltip")');
  const unknown = (adapter.scenarios ?? []).filter((s) => !SCENARIOS.includes(s));
  if (!adapter.scenarios?.length || unknown.length) fail(`\`scenarios\` must be some of ${SCENARIOS.join(', ')}`);
  if (!adapter.touchpoint) fail('needs `touchpoint: { entry, ... }`');
  if (!adapter.peers?.[REFERENCE]) fail(`needs \`peers.${REFERENCE}\`: every ratio is taken against it`);
  const needsElements = adapter.scenarios.some((s) => ELEMENT_SCENARIOS.includes(s));
  for (const lib of librariesOf(adapter)) {
    if (!lib.entry) fail(`${lib.key} needs an \`entry\``);
    if (needsElements && (!lib.tag || typeof lib.create !== 'function')) fail(`${lib.key} needs \`tag\` and \`create(i)\``);
    if (adapter.scenarios.includes('latency') && !Array.isArray(lib.visible)) fail(`${lib.key} needs \`visible\` (selector path)`);
  }
}
