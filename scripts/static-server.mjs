// A small static file server on 127.0.0.1, shared by `npm start`, the e2e tests and the Storybook
// axe pass. Serves files under `root` only; never lists directories outside it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Starts serving `root`. `port` 0 picks a free port. Resolves to `{ url, close }`.
 * `headers` (optional) are added to every response, e.g. a Content-Security-Policy.
 * `routes` (optional) maps a path prefix to a Node request handler `(req, res) => void`, for the
 * examples' small back ends (e.g. `{ '/api/contact': handler }`); everything else is a file.
 */
export async function serveStatic(root, { port = 0, host = '127.0.0.1', headers = {}, routes = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const prefix = Object.keys(routes).find((p) => path === p || path.startsWith(`${p}/`));
      if (prefix) return await routes[prefix](req, res);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'Forbidden');
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) return redirect(res, `${path}/`);
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
        ...headers,
      });
      createReadStream(file).pipe(res);
    } catch {
      send(res, 400, 'Bad request');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    // Drop open connections too: close() alone waits for every socket a browser still holds.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function redirect(res, location) {
  res.writeHead(301, { location });
  res.end();
}
