// Bundles one entry the way an app's production build would (rollup + node-resolve + terser),
// so every library in bench/ is measured the same way.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

export async function bundle(input) {
  const build = await rollup({
    input,
    plugins: [nodeResolve({ exportConditions: ['browser', 'production'] }), terser({ ecma: 2020, module: true })],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'esm', inlineDynamicImports: true });
  await build.close();
  return output[0].code;
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
