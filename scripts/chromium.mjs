// Where Debian's Chromium lives, and the flags it needs on these machines. Shared by the test
// configs, the e2e helpers, the Storybook axe pass and the benchmarks so there is one answer.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary: `CHROMIUM_PATH` when set, else the first Debian/Ubuntu path that exists. */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps trying to
 * reach update and sync hosts. `--no-sandbox` because CI runs as root.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
