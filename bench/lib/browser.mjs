// Chromium for the benchmark: Debian's binary with the shared flags, a fresh context per
// measurement, and the heap read the same way for every library.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

/**
 * Served with every page: cross-origin isolation makes performance.now() precise to 5 µs
 * instead of 100 µs, which the per-track() timing needs. All files are same-origin, so nothing breaks.
 */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * How the heap is read. CDP rather than performance.measureUserAgentSpecificMemory(): that API
 * waits for the browser's next scheduled GC (seconds to tens of seconds) and estimates, while CDP
 * forces a full GC and reads V8's used heap exactly, at once.
 */
export const HEAP_METHOD =
  'CDP HeapProfiler.collectGarbage (twice) then Runtime.getHeapUsage().usedSize: the V8 JS heap after a full GC';

export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/find-chromium.mjs` (it says how to install one).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens `url` in a fresh browser context (no cache, no compiled code, no heap shared with the
 * previous library), hands `use` the page and its CDP session, and closes the context. Any page
 * error fails the measurement: a number from a broken page would be a lie.
 */
export async function withFreshPage(browser, url, use) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(url);
    const cdp = await context.newCDPSession(page);
    const result = await use(page, cdp);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Used JS heap in MB (10⁶ bytes) after a full garbage collection; see HEAP_METHOD. */
export async function heapAfterGc(cdp) {
  // Twice: the first pass runs finalizers and weak callbacks whose garbage only the second frees.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}
