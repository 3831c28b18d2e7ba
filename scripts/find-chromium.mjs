#!/usr/bin/env node
// `pretest`: make sure a real Chromium exists before any browser test runs. Never skips silently:
// it finds one, installs Debian's package (when root with apt-get), or fails with one line.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const found = chromiumPath();
if (found) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. Point it at a Chromium binary.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("Chromium not found: installing Debian's chromium package (apt-get install -y chromium)…");
  try {
    execSync('apt-get update -qq && apt-get install -y -qq chromium', {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('Installing chromium with apt-get failed; see the messages above.');
    process.exit(1);
  }
  if (chromiumPath()) {
    console.log(`Installed Chromium at ${chromiumPath()}.`);
    process.exit(0);
  }
}
console.error(
  'No Chromium found: install it (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to its binary.',
);
process.exit(1);
