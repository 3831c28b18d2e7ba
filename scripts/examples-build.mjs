#!/usr/bin/env node
// `npm run examples:build`: builds examples/vite-ts, react and vue into each one's dist/, with the
// root's Vite and plugins and this package's dist/ (see examples/vite.shared.mjs). Build the package
// first (`npm run build`; `npm start` does both).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const EXAMPLES = ['vite-ts', 'react', 'vue'];

const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(`${root}dist/index.js`)) {
  console.error('examples:build needs the built package: run `npm run build` first.');
  process.exit(1);
}

// Production builds, as a site would ship them: Vite picks the `development` export condition (Lit's
// dev build, our dev warnings) whenever NODE_ENV is set to anything else, e.g. `test` under vitest.
process.env.NODE_ENV = 'production';

for (const name of EXAMPLES) {
  const started = Date.now();
  await build({ configFile: `${root}examples/${name}/vite.config.mjs` });
  console.log(`examples/${name}/dist/ built in ${Date.now() - started} ms`);
}
