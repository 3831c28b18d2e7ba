// Compile-time constants shared by rollup, vitest and Storybook, so each build agrees on them.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `__TP_DEV__` gates dev warnings (stripped from production builds); `__TP_VERSION__` the package version. */
export function buildConstants({ dev }) {
  return { __TP_DEV__: JSON.stringify(dev), __TP_VERSION__: JSON.stringify(pkg.version) };
}
