// Shared by the examples' back ends (examples/contact-form/api.mjs, examples/unsubscribe/api.mjs):
// reading a request body with a size limit, and the demo faults their …/fault routes switch on.

/** How long a request waits under the `slow` demo fault. */
const SLOW_MS = 3000;

/** The request's body as a Buffer; rejects (and drops the connection) past `limit` bytes. */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Plays the demo fault `fault` before a request is handled: `network` drops the connection, `hang`
 * never answers (the socket is closed after 30 s so the server can stop), `slow` waits SLOW_MS and
 * goes on. Resolves true when the request must not be answered. (`503` and the like are answered by
 * the caller, in its own format.)
 */
export async function playFault(fault, req) {
  if (fault === 'network') return req.socket.destroy(), true;
  if (fault === 'hang') return setTimeout(() => req.socket.destroy(), 30_000).unref(), true;
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
  return false;
}
