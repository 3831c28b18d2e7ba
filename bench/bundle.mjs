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

/** `{ entry, lazy }`: the up-front code, and the code of each lazily imported chunk. */
export async function bundleChunks(input) {
  const build = await rollup({
    input,
    plugins: [nodeResolve({ exportConditions: ['browser', 'production'] }), terser({ ecma: 2020, module: true })],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'esm' });
  await build.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  return { entry: chunks.find((c) => c.isEntry).code, lazy: chunks.filter((c) => !c.isEntry).map((c) => c.code) };
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
