#!/usr/bin/env node
// `npm start`: builds the package and the Vite examples, then serves the examples on 127.0.0.1 and prints the URL.
// PORT picks the port (default 8080; the next free one if taken).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The examples' back ends: each `examples/<name>/api.mjs` exports `routes` (path prefix → Node
 * request handler) and, optionally, `describe()` → a line printed at start (e.g. where data lands).
 */
async function exampleBackEnds() {
  const routes = {};
  const lines = [];
  for (const dir of readdirSync(`${root}/examples`, { withFileTypes: true })) {
    const file = `${root}/examples/${dir.name}/api.mjs`;
    if (!dir.isDirectory() || !existsSync(file)) continue;
    const api = await import(pathToFileURL(file).href);
    Object.assign(routes, await api.routes);
    if (api.describe) lines.push(api.describe());
  }
  return { routes, lines };
}

if (!process.argv.includes('--no-build')) {
  console.log('Building Touchpoint…');
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log('Building the Vite, React and Vue examples…');
  execSync('npm run examples:build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const backEnds = await exampleBackEnds();

async function listen(port, triesLeft = 20) {
  try {
    return await serveStatic(root, { port, routes: backEnds.routes });
  } catch (error) {
    if (error.code === 'EADDRINUSE' && triesLeft > 0 && port !== 0) return listen(port + 1, triesLeft - 1);
    throw error;
  }
}

const server = await listen(Number(process.env.PORT ?? 8080));
console.log(`\nTouchpoint examples: ${server.url}/examples/\n`);
for (const line of backEnds.lines) console.log(line);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
