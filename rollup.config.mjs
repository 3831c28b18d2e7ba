// Builds from the JavaScript that `tsc -p tsconfig.build.json` emitted into .tmp/tsc (one compile
// serves every output and the .d.ts files):
// - dist/          production ESM, one module per source file, Lit external, dev warnings stripped
// - dist/dev/      the same with dev warnings (the `development` export condition)
// - dist/touchpoint.min.js / .dev.js   self-contained classic scripts for the script tag
// - dist/touchpoint.vitals.min.js      the Web Vitals bridge, loaded by the script tag's data-vitals
// - dist/node/     the `touchpoint` command for Node (bin/touchpoint.js)
// - dist/cdn/      the autoloader for <script type="module">: Lit bundled, one chunk per component,
//                  one shared chunk (Lit and the core every component uses), a chunk for each core
//                  module group that only some components use, and autoloader.css
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { buildConstants } from './scripts/constants.mjs';

const JS = '.tmp/tsc';

/**
 * The public ESM entries, read from package.json "exports" (the single list of what is public):
 * `./dist/x/y.js` is built from `.tmp/tsc/x/y.js`.
 */
function esmEntries() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const entries = {};
  for (const target of Object.values(pkg.exports)) {
    const file = typeof target === 'object' ? target.default : undefined;
    if (!file?.startsWith('./dist/')) continue;
    const name = file.slice('./dist/'.length, -'.js'.length);
    entries[name] = `${JS}/${name}.js`;
  }
  return entries;
}

const constants = (dev) => replace({ preventAssignment: true, values: buildConstants({ dev }) });

/** Our html`` and css`` literals lose comments and indentation in the production builds. */
const literals = (dev) => (dev ? [] : [minifyLiterals()]);

const esm = (dev) => ({
  input: esmEntries(),
  external: [/^lit(\/|$)/, /^@lit\//, /^web-vitals(\/|$)/, /^react(\/|$)/],
  plugins: [constants(dev), ...literals(dev)],
  output: {
    dir: dev ? 'dist/dev' : 'dist',
    format: 'esm',
    preserveModules: true,
    preserveModulesRoot: JS,
    entryFileNames: '[name].js',
  },
});

const script = (dev) => ({
  input: `${JS}/cdn.js`,
  plugins: [
    constants(dev),
    ...literals(dev),
    // Name the condition: otherwise node-resolve picks Lit's development build whenever NODE_ENV
    // is set to anything but "production" (vitest sets "test").
    nodeResolve({ exportConditions: dev ? ['development', 'browser'] : ['production', 'browser'] }),
    ...(dev ? [] : [terser({ ecma: 2020, module: false, compress: { passes: 2 } })]),
  ],
  // A classic script cannot load chunks: what the ESM build loads on demand (import()) is inlined.
  output: { file: dev ? 'dist/touchpoint.dev.js' : 'dist/touchpoint.min.js', format: 'iife', inlineDynamicImports: true },
});

/** dist/touchpoint.vitals.min.js: the Web Vitals bridge with web-vitals, loaded by `data-vitals` only. */
const vitalsScript = {
  input: `${JS}/vitals/cdn.js`,
  plugins: [constants(false), nodeResolve({ exportConditions: ['production', 'browser'] }), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
  output: { file: 'dist/touchpoint.vitals.min.js', format: 'iife' },
};

const cli = existsSync('src/cli/main.ts')
  ? [
      {
        input: `${JS}/cli/main.js`,
        external: [/^node:/, /^csv-parse/],
        // A tool for people fixing their data: it keeps the engine's full error messages (__TP_DEV__).
        plugins: [constants(true)],
        output: { dir: 'dist/node', format: 'esm', preserveModules: true, preserveModulesRoot: JS },
      },
    ]
  : [];

/** `:not(:defined)` for every tag the autoloader knows (src/autoloader/loaders.ts is the one list). */
const autoloaderCss = () => ({
  name: 'autoloader-css',
  async generateBundle() {
    const { loaders } = await import(pathToFileURL(`${JS}/autoloader/loaders.js`).href);
    const source = `/* Touchpoint autoloader: hides each Touchpoint element until its definition has loaded, so it does
   not flash unstyled. Optional; an element whose module fails to load stays hidden. */
:is(${Object.keys(loaders).join(', ')}):not(:defined) {
  visibility: hidden;
}
`;
    this.emitFile({ type: 'asset', fileName: 'autoloader.css', source });
  },
});

const autoloader = {
  input: { autoloader: `${JS}/autoloader/index.js` },
  plugins: [
    constants(false),
    ...literals(false),
    nodeResolve({ exportConditions: ['production', 'browser'] }),
    terser({ ecma: 2020, module: true, compress: { passes: 2 } }),
    autoloaderCss(),
  ],
  output: {
    dir: 'dist/cdn',
    format: 'esm',
    entryFileNames: '[name].js',
    // Chunks under ~1 KB of code (ids, the live region, the message lookup) go into a chunk that is
    // loaded with them anyway, when rollup can do so without running code a page did not ask for:
    // a few hundred bytes more for some pages rather than a request each.
    experimentalMinChunkSize: 1000,
    // No manualChunks: rollup puts each module in the chunk of the modules that exactly the same components
    // load, so a page fetches no code that none of its components runs (<tp-tooltip> alone: Lit and the
    // core every element uses, the popover core, the tooltip). chunks/shared-<hash>.js holds Lit and the
    // core every component uses; chunks/tooltip-<hash>.js is src/tooltip/define.ts; a core module some
    // components share is named after one of its modules (position, send, announcer, id).
    chunkFileNames: (chunk) =>
      `chunks/${chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]lit-element[\\/]/.test(id)) ? 'shared' : (/([^/]+)\/define\.js$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]')}-[hash].js`,
  },
};

export default [esm(false), esm(true), script(false), script(true), vitalsScript, autoloader, ...cli];
