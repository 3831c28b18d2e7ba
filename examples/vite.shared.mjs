// Shared by the Vite configs of examples/vite-ts, react and vue: they import `touchpoint/...` as an
// app does, and get this package's built dist/ (run `npm run build` first), resolved through
// package.json "exports" by Node's own self-reference. No per-example npm install.
import { fileURLToPath } from 'node:url';

/** Resolves `touchpoint` and `touchpoint/<entry>` to this repository's dist/. */
export function touchpointFromDist() {
  return {
    name: 'touchpoint-from-dist',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'touchpoint' || id.startsWith('touchpoint/')) return fileURLToPath(import.meta.resolve(id));
      return null;
    },
  };
}

/** The common settings: relative asset URLs (the examples are served under /examples/<name>/dist/). */
export function exampleConfig(dir, plugins = []) {
  return {
    root: fileURLToPath(dir),
    base: './',
    logLevel: 'warn',
    plugins: [touchpointFromDist(), ...plugins],
    build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  };
}
