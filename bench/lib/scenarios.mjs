// The Node side of each scenario: builds the markup from the adapter, drives bench-page.js in a
// page that has loaded one library, and returns plain numbers keyed as in metrics.mjs.
import { heapAfterGc } from './browser.mjs';

const markupFor = (lib, from, count) => Array.from({ length: count }, (_, k) => lib.create(from + k));

async function assertDefined(page, lib) {
  if (!(await page.evaluate((tag) => window.bench.isDefined(tag), lib.tag))) {
    throw new Error(`${lib.label}: <${lib.tag}> is not defined after loading ${lib.entry}`);
  }
}

/** `render` and/or `heap`: 1000 elements created at once, timed to the next paint, then the heap. */
export async function measureElements(page, cdp, lib, { renderCount, scenarios }) {
  await assertDefined(page, lib);
  const empty = scenarios.includes('heap') ? await heapAfterGc(cdp) : undefined;
  const renderMs = await page.evaluate((markup) => window.bench.renderMany(markup), markupFor(lib, 0, renderCount).join(''));
  const result = scenarios.includes('render') ? { renderMs } : {};
  if (!scenarios.includes('heap')) return result;
  const heapMB = await heapAfterGc(cdp);
  return { ...result, heapMB, elementsHeapMB: heapMB - empty };
}

/** Two seconds at 60 Hz: a tooltip slower than that is broken, not slow. */
const LATENCY_MAX_FRAMES = 120;

/**
 * `latency`: one element on the page, keyboard focus moved onto it with Tab (so :focus-visible
 * applies), frames and ms counted until its `visible` part shows and until animations settle.
 */
export async function measureLatency(page, _cdp, lib) {
  const maxFrames = LATENCY_MAX_FRAMES;
  await assertDefined(page, lib);
  await page.evaluate((markup) => window.bench.mountOne(markup), lib.create(0));
  await page.evaluate(([path, frames]) => window.bench.armLatency(path, frames, 5000), [lib.visible, maxFrames]);
  await page.keyboard.press('Tab');
  const { focused, visible, settled } = await page.evaluate(() => window.bench.latency);
  if (!focused) throw new Error(`${lib.label}: Tab focused nothing in ${lib.create(0)}`);
  if (!visible) throw new Error(`${lib.label}: ${lib.visible.join(' → ')} not visible ${maxFrames} frames after focus`);
  if (!settled) throw new Error(`${lib.label}: animations still running ${maxFrames} frames after focus`);
  return { visibleFrames: visible.frames, visibleMs: visible.ms, settledFrames: settled.frames, settledMs: settled.ms };
}

/** Events emitted per task in the long-task burst: a busy page, not one 10,000-call loop (that alone is a long task). */
export const EVENTS_PER_TASK = 100;

/** `telemetry`: µs per track() and long tasks during a burst, through the bundle's benchTrack hook. */
export async function measureTelemetry(page, _cdp, lib, { burst }) {
  if (!(await page.evaluate(() => typeof window.benchTrack === 'function'))) {
    throw new Error(`${lib.label}: the bundle of ${lib.entry} installed no window.benchTrack`);
  }
  return page.evaluate(([count, perTask]) => window.bench.telemetry(count, perTask), [burst, EVENTS_PER_TASK]);
}

/** Leak cycles per page.evaluate: no single call runs long enough to hit a protocol timeout. */
export const LEAK_BATCH = 1000;

/**
 * `leak`: `leakCycles` mount/render/unmount cycles, comparing the heap after a full GC with the
 * heap before. `leakWarmup` cycles run first so one-time costs are in the "before": templates,
 * adopted styles, and the optimized code V8 builds for the hot path (with only 200 warm-up cycles
 * that alone showed as +2–10% in every library).
 */
export async function checkLeak(page, cdp, lib, { leakCycles, leakWarmup, leakTolerance }) {
  await assertDefined(page, lib);
  const cycle = (from, count) => page.evaluate((markups) => window.bench.mountUnmount(markups), markupFor(lib, from, count));
  for (let done = 0; done < leakWarmup; done += LEAK_BATCH) await cycle(done, Math.min(LEAK_BATCH, leakWarmup - done));
  const beforeMB = await heapAfterGc(cdp);
  for (let done = 0; done < leakCycles; done += LEAK_BATCH) await cycle(leakWarmup + done, Math.min(LEAK_BATCH, leakCycles - done));
  const afterMB = await heapAfterGc(cdp);
  const change = afterMB / beforeMB - 1;
  return { cycles: leakCycles, beforeMB, afterMB, change, pass: change <= leakTolerance };
}
