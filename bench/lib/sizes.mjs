// Sizes: every Touchpoint public entry (the rows of `npm run size`) and, per component, the
// Touchpoint entry next to each peer's equivalent from the adapters — all bundled the same way
// (bench/bundle.mjs: rollup + node-resolve + terser), gzip and brotli.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundle, measure } from '../bundle.mjs';
import { sizes } from '../size.mjs';
import { REFERENCE, librariesOf } from './adapters.mjs';
import { resolveEntry } from './resolve-entry.mjs';

const SIZES_DIR = fileURLToPath(new URL('../.cache/sizes/', import.meta.url));

/**
 * `{ min, gzip, brotli }` in bytes of several entries bundled into one file (shared code counted
 * once), or `{ missing }` when one of them is not an entry yet.
 */
export async function bundleTogether(specifiers) {
  const resolved = specifiers.map(resolveEntry);
  const missing = resolved.find((r) => r.missing);
  if (missing) return { missing: missing.missing };
  if (resolved.length === 1) return measure(await bundle(resolved[0].file));
  // Namespace re-exports keep every module whole, whatever its package's "sideEffects" says.
  const source = resolved.map(({ file }, n) => `export * as m${n} from ${JSON.stringify(file)};`).join('\n');
  await mkdir(SIZES_DIR, { recursive: true });
  const input = `${SIZES_DIR}${specifiers.join('+').replace(/[^\w+.-]+/g, '_')}.mjs`;
  await writeFile(input, `${source}\n`);
  return measure(await bundle(input));
}

/**
 * `reference`: the bare Lit element. `entries`: every Touchpoint public entry. `components`: per
 * adapter with peers to compare, each library's size, plus each library's components together.
 */
export async function measureSizes(adapters) {
  const rows = (await sizes()).map(({ name, min, gzip, brotli }) => ({ name, min, gzip, brotli }));
  const reference = rows.find((r) => r.name.includes('(reference)'));
  const compared = adapters.filter((a) => Object.keys(a.peers).some((key) => key !== REFERENCE));
  const components = [];
  for (const adapter of compared) {
    components.push({ name: adapter.name, libraries: await sizeEach(librariesOf(adapter)) });
  }
  if (compared.length > 1) {
    const all = compared.flatMap(librariesOf).filter((lib) => lib.key !== REFERENCE);
    const keys = [...new Set(all.map((lib) => lib.key))];
    const together = {};
    for (const key of keys) {
      const libs = all.filter((lib) => lib.key === key);
      together[key] = { label: libs[0].label, ...(await bundleTogether(libs.map((lib) => lib.entry))) };
    }
    components.push({ name: compared.map((a) => a.name).join(' + '), libraries: together });
  }
  return { reference, entries: rows.filter((r) => r !== reference), components };
}

async function sizeEach(libraries) {
  const result = {};
  for (const lib of libraries.filter((l) => l.key !== REFERENCE)) {
    result[lib.key] = { label: lib.label, entry: lib.entry, ...(await bundleTogether([lib.entry])) };
  }
  return result;
}
