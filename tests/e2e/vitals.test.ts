import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import type { TelemetryEvent } from '../../src/telemetry/schema.js';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

// The strictest policy a site might run: same-origin scripts only, and Trusted Types for script
// URLs (Lit's policy and Touchpoint's, nothing else).
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html touchpoint 'allow-duplicates'",
].join('; ');

const folder = mkdtempSync(join(tmpdir(), 'touchpoint-vitals-'));
// A fresh collector (and file) per test, behind one route: each test sees only its own page's events.
let collector: Collector;
let collected: string;
let tests = 0;
let page: Page;
let errors: string[];
let violations: string[];
let vitalsRequests: string[];

const events = (): TelemetryEvent[] => {
  try {
    return readFileSync(collected, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
};
const vitals = () => events().filter((e) => e.name.startsWith('tp.vitals.'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const web = useBrowser({
  headers: { 'content-security-policy': STRICT_CSP },
  routes: {
    '/collect': (req, res) => collector(req, res),
    // The same page without data-vitals: only the attribute differs.
    '/tests/e2e/fixtures/vitals-off.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP });
      res.end(readFileSync(join(repoRoot, 'tests/e2e/fixtures/vitals.html'), 'utf8').replace(' data-vitals ', ' '));
    },
  },
});

beforeEach(async () => {
  collected = join(folder, `events-${++tests}.ndjson`);
  collector = createCollector({ out: collected });
  page = await web.browser.newPage();
  errors = watchErrors(page);
  violations = [];
  vitalsRequests = [];
  page.on('console', (m) => /Content.Security.Policy|Refused to|TrustedScriptURL|Trusted Type/i.test(m.text()) && violations.push(m.text()));
  page.on('request', (r) => r.url().includes('touchpoint.vitals') && vitalsRequests.push(new URL(r.url()).pathname));
});

afterEach(async () => {
  await page.close();
  await collector.close();
});

/** Opens a fixture and waits for Touchpoint (and, with data-vitals, the bridge) to be running. */
async function open(fixture: 'vitals' | 'vitals-off' | 'vitals-lcp') {
  await page.goto(`${web.url}/tests/e2e/fixtures/${fixture}.html`);
  await page.waitForFunction(() => customElements.get('tp-toggletip') && window.touchpoint);
  if (fixture !== 'vitals-off') await page.waitForFunction(() => (globalThis as Record<symbol, unknown>)[Symbol.for('touchpoint.vitals')]);
}

/**
 * Waits until the browser has measured the slow interaction (its Event Timing entry comes after the
 * next paint): leaving before that would leave the interaction unmeasured, for web-vitals as for anyone.
 * `over`: the interaction's least duration in ms (a later, slower one needs a higher bar).
 */
const measured = (over = 200) =>
  page.evaluate(
    (over) =>
      new Promise<void>((done) =>
        new PerformanceObserver((list, observer) => {
          if (!list.getEntries().some((e) => e.duration > over && (e as PerformanceEventTiming).interactionId)) return;
          observer.disconnect();
          done();
        }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit),
      ),
    over,
  );

/**
 * Another tab in front (`hidden`), or this one again (`visible`), without leaving the page. Headless
 * Chromium keeps every page "visible" (a tab or window brought to front, a minimized window: none
 * changes it), so the switch is played as the browser reports it (as tests/e2e/steps-a11y.test.ts
 * does): `document.visibilityState` and a bubbling `visibilitychange`. Back to `visible`, the real
 * state shows again, so leaving the page later hides it for real.
 */
const switchTab = (state: 'hidden' | 'visible') =>
  page.evaluate((state) => {
    if (state == 'hidden') Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    else delete (document as { visibilityState?: unknown }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);

/**
 * INP and CLS are reported when the page is hidden: leaving the page hides it, web-vitals reports,
 * and the hub sends what it holds to the collector on the way out (DESIGN.md: telemetry is not lost
 * on unload).
 */
/**
 * Waits until the browser has an LCP entry and web-vitals' own observer has had a task to take it
 * (observers are called asynchronously): leaving before that leaves LCP unreported.
 */
const lcpObserved = () =>
  page.evaluate(
    () =>
      new Promise<void>((done) =>
        new PerformanceObserver((list, observer) => {
          if (!list.getEntries().length) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(done, 100));
        }).observe({ type: 'largest-contentful-paint', buffered: true }),
      ),
  );

const leave = async ({ afterSlowClick = true } = {}) => {
  await (afterSlowClick ? measured() : lcpObserved());
  await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
};

describe('Web Vitals tied to components (touchpoint.vitals.min.js through data-vitals)', () => {
  it('a slow click on <tp-toggletip>’s own button (in its shadow root) yields an INP event for that toggletip', async () => {
    await open('vitals');
    await page.locator('#help').getByRole('button', { name: 'About delivery' }).click();
    await leave();

    await expect.poll(() => vitals().map((e) => e.name).sort(), { timeout: 15_000 }).toEqual(['tp.vitals.cls', 'tp.vitals.inp', 'tp.vitals.lcp']);
    const inp = vitals().find((e) => e.name === 'tp.vitals.inp')!;
    expect(inp.component).toEqual({ tag: 'tp-toggletip', id: 'help' });
    // The busy-wait alone is 300 ms: above "good" (200 ms) whatever the machine.
    expect(inp.props.value).toBeGreaterThan(200);
    expect(inp.props.rating).not.toBe('good');
    expect(inp.props).toMatchObject({ interaction_type: 'pointer', navigation_type: 'navigate', load_state: 'complete' });
    expect(inp.props.metric_id).toMatch(/^v6-/);
    expect(inp.props.processing_duration).toBeGreaterThan(200);
    // Its own events and its vitals name the toggletip the same way.
    expect(events().find((e) => e.name === 'tp.toggletip.opened')?.component).toEqual(inp.component);

    expect(vitalsRequests).toEqual(['/dist/touchpoint.vitals.min.js']);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a slow click on a button slotted into a toggletip names the toggletip, <tag>-<n> when it has no id', async () => {
    await open('vitals');
    const returns = page.locator('tp-toggletip[label="About returns"]');
    await returns.getByRole('button', { name: 'About returns' }).click();
    await page.locator('#slotted').click();
    await leave();

    await expect.poll(() => vitals().find((e) => e.name === 'tp.vitals.inp'), { timeout: 15_000 }).toBeTruthy();
    const inp = vitals().find((e) => e.name === 'tp.vitals.inp')!;
    expect(inp.component?.tag).toBe('tp-toggletip');
    expect(inp.component?.id).toMatch(/^tp-toggletip-\d+$/);
    expect(events().find((e) => e.name === 'tp.toggletip.opened')?.component).toEqual(inp.component);
    expect(inp.props.rating).not.toBe('good');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a slow click outside any Touchpoint element is reported without a component', async () => {
    await open('vitals');
    await page.locator('#plain').click();
    await leave();

    await expect.poll(() => vitals().find((e) => e.name === 'tp.vitals.inp'), { timeout: 15_000 }).toBeTruthy();
    const inp = vitals().find((e) => e.name === 'tp.vitals.inp')!;
    expect(inp.component).toBeUndefined();
    expect(inp.props.rating).not.toBe('good');
    expect(errors).toEqual([]);
  });

  it('back from another tab, a slower interaction sends INP again: the same metric_id, the larger value', async () => {
    await open('vitals');
    await page.locator('#help').getByRole('button', { name: 'About delivery' }).click();
    await measured();
    await switchTab('hidden');
    // Sent on that first hide, the page still open.
    await expect.poll(() => vitals().map((e) => e.name).sort(), { timeout: 15_000 }).toEqual(['tp.vitals.cls', 'tp.vitals.inp', 'tp.vitals.lcp']);
    await switchTab('visible');
    await page.locator('#slower').click();
    await measured(600);
    await leave();

    await expect.poll(() => vitals().filter((e) => e.name === 'tp.vitals.inp').length, { timeout: 15_000 }).toBe(2);
    const [first, second] = vitals().filter((e) => e.name === 'tp.vitals.inp');
    expect(first!.component).toEqual({ tag: 'tp-toggletip', id: 'help' });
    expect(first!.props.value).toBeGreaterThan(200);
    // The 700 ms busy-wait alone is above "poor" (500 ms), and above the first interaction's 300 ms.
    expect(second!.props.metric_id).toBe(first!.props.metric_id);
    expect(second!.props.value).toBeGreaterThan(first!.props.value as number);
    expect(second!.props.value).toBeGreaterThan(600);
    expect(second!.props.rating).toBe('poor');
    expect(second!.component).toBeUndefined();
    expect(second!.id).not.toBe(first!.id);
    // CLS and LCP did not change after the first hide: they were not sent again.
    expect(vitals().map((e) => e.name).sort()).toEqual(['tp.vitals.cls', 'tp.vitals.inp', 'tp.vitals.inp', 'tp.vitals.lcp']);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the largest paint inside <tp-busy> yields an LCP event for it', async () => {
    await open('vitals-lcp');
    await leave({ afterSlowClick: false });

    await expect.poll(() => vitals().find((e) => e.name === 'tp.vitals.lcp'), { timeout: 15_000 }).toBeTruthy();
    const lcp = vitals().find((e) => e.name === 'tp.vitals.lcp')!;
    expect(lcp.component).toEqual({ tag: 'tp-busy', id: 'results' });
    expect(lcp.props.value).toBeGreaterThan(0);
    expect(lcp.props).toMatchObject({ navigation_type: 'navigate', resource_load_duration: 0 });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('without data-vitals, touchpoint.vitals.min.js is never requested and no vitals are sent', async () => {
    await open('vitals-off');
    await page.locator('#help').getByRole('button', { name: 'About delivery' }).click();
    await leave();

    // The toggletip's own event arrives: the page did send, and nothing of it was a vital.
    await expect.poll(() => events().map((e) => e.name), { timeout: 15_000 }).toContain('tp.toggletip.opened');
    expect(vitals()).toEqual([]);
    expect(vitalsRequests).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('what the build ships', () => {
  it('keeps web-vitals and the bridge out of touchpoint.min.js, and in touchpoint.vitals.min.js', () => {
    const read = (file: string) => readFileSync(`${repoRoot}/dist/${file}`, 'utf8');
    // Entry types only web-vitals observes, and the bridge's event names.
    for (const marker of ['largest-contentful-paint', 'layout-shift', 'tp.vitals.']) {
      expect(read('touchpoint.min.js')).not.toContain(marker);
      expect(read('touchpoint.vitals.min.js')).toContain(marker);
    }
    // What touchpoint.min.js does carry: the file name data-vitals loads.
    expect(read('touchpoint.min.js')).toContain('touchpoint.vitals.min.js');
  });
});
