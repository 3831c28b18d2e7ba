/**
 * A random hex id. `crypto.getRandomValues` works on plain-http pages too, where
 * `crypto.randomUUID` is missing (it needs a secure context).
 */
export function randomId(bytes = 8): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  for (const v of values) out += v.toString(16).padStart(2, '0');
  return out;
}
