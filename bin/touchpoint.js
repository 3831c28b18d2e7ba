#!/usr/bin/env node
// The `touchpoint` command: reply-stats, promises, collect. The code lives in dist/node (built
// from src/cli and src/time by `npm run build`).
const cli = await import('../dist/node/cli/main.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('touchpoint: dist/node is missing. In a clone of the repository, run `npm run build` first.');
  process.exit(1);
});
process.exitCode = await cli.main(process.argv.slice(2));
