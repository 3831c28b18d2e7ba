/**
 * A random hex id. `crypto.getRandomValues` works on plain-http pages too, where
 * `crypto.randomUUID` is missing (it needs a secure context).
 */
export function randomId(bytes = 8): string {
  let out = '';
  // `| 256` then dropping the leading 1: two hex digits for every byte.
  for (const v of crypto.getRandomValues(new Uint8Array(bytes))) out += (v | 256).toString(16).slice(1);
  return out;
}
