#!/usr/bin/env node
// `npm start`: builds the package, then serves the examples on 127.0.0.1 and prints the URL.
// PORT picks the port (default 8080; the next free one if taken).
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!process.argv.includes('--no-build')) {
  console.log('Building Touchpoint…');
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function listen(port, triesLeft = 20) {
  try {
    return await serveStatic(root, { port });
  } catch (error) {
    if (error.code === 'EADDRINUSE' && triesLeft > 0 && port !== 0) return listen(port + 1, triesLeft - 1);
    throw error;
  }
}

const server = await listen(Number(process.env.PORT ?? 8080));
console.log(`\nTouchpoint examples: ${server.url}/examples/\n`);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
