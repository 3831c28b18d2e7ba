// For e2e tests: Debian's Chromium driven by playwright-core, and the repo served on 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/find-chromium.mjs` (npm test does).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Serves the repository (dist/, examples/, tests/e2e/fixtures/) on 127.0.0.1. */
export function serveRepo(options: { headers?: Record<string, string> } = {}) {
  return serveStatic(repoRoot, options);
}

/**
 * Collects uncaught page errors, console errors and failed responses (with their URL), so a test
 * can assert there were none. The browser's own favicon request is not the page's doing.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Reported with its URL by the response handler below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !new URL(r.url()).pathname.endsWith('/favicon.ico')) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  return errors;
}
