// Bundles one entry the way an app's production build would (rollup + node-resolve + terser),
// so every library in bench/ is measured the same way.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

/**
 * The code an entry loads up front. Chunks it imports lazily (`import()`, e.g. a feature only some
 * pages turn on) are not in it: `bundleChunks` reports them apart.
 */
export async function bundle(input) {
  return (await bundleChunks(input)).entry;
}

/**
 * One self-contained file that runs on a page (the benchmark pages): what is imported lazily is
 * inlined, so it is loaded up front there — never less than an app would load.
 */
export async function bundleScript(input) {
  return (await generate(input, { inlineDynamicImports: true }))[0].code;
}

/**
 * `{ entry, lazy }`: the up-front code (the entry and every chunk it imports statically), and the
 * code of each chunk that is only imported lazily.
 */
export async function bundleChunks(input) {
  const chunks = await generate(input);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const upFront = new Set();
  const visit = (chunk) => !upFront.has(chunk) && (upFront.add(chunk), chunk.imports.forEach((name) => visit(byName.get(name))));
  visit(chunks.find((c) => c.isEntry));
  return { entry: [...upFront].map((c) => c.code).join('\n'), lazy: chunks.filter((c) => !upFront.has(c)).map((c) => c.code) };
}

async function generate(input, output = {}) {
  const build = await rollup({
    input,
    plugins: [nodeResolve({ exportConditions: ['browser', 'production'] }), terser({ ecma: 2020, module: true })],
    // As an app's build does: a lazy chunk may import from the entry, rather than splitting the
    // entry into a facade and a shared chunk.
    preserveEntrySignatures: 'allow-extension',
    onwarn: () => {},
  });
  const { output: files } = await build.generate({ format: 'esm', ...output });
  await build.close();
  return files.filter((o) => o.type === 'chunk');
}

export function measure(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const kib = (n) => (n / 1024).toFixed(2);
