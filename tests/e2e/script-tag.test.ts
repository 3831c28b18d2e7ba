import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import { axTree } from '../support/ax-tree.js';
import { useBrowser } from '../support/use-browser.js';

// The example posts to /collect (data-endpoint), as under `npm start`: the real collector, into a temporary file.
const folder = mkdtempSync(join(tmpdir(), 'touchpoint-script-tag-'));
const collected = join(folder, 'events.ndjson');
let collector: Collector;
const collectedNames = (): string[] => {
  try {
    return readFileSync(collected, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).name);
  } catch {
    return [];
  }
};

beforeAll(async () => {
  collector = createCollector({ out: collected });
});

afterAll(async () => {
  await collector?.close();
  rmSync(folder, { recursive: true, force: true });
});

// Started after the collector above, and closed before it.
const web = useBrowser({ routes: { '/collect': (req, res) => collector(req, res) } });

describe('the script-tag example (dist/touchpoint.min.js)', () => {
  it('upgrades the bars and completes an upload by keyboard, reporting completion once', async () => {
    const { page, errors } = await web.open('/examples/script-tag/', { before: (page) => page.clock.install() });
    await page.waitForFunction(() => customElements.get('tp-progress-bar'));
    await page.evaluate(() => {
      (window as unknown as { seen: string[] }).seen = [];
      document.addEventListener('tp-telemetry', (e) =>
        (window as unknown as { seen: string[] }).seen.push((e as CustomEvent<{ name: string }>).detail.name),
      );
    });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.keyboard.press('Enter');
    await page.clock.runFor(5_000);

    const upload = (await axTree(page)).find((n) => n.role === 'progressbar' && n.name === 'Uploading 3 files');
    expect(upload?.value).toBe(100);
    expect(await page.locator('#status').textContent()).toBe('All 3 files uploaded.');
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['tp.progress_bar.completed']);
    // data-endpoint="/collect" data-consent="granted": the event reached the collector, once.
    await page.clock.runFor(3_000);
    await expect.poll(collectedNames).toEqual(['tp.progress_bar.completed']);
    const preparing = (await axTree(page)).find((n) => n.name === 'Preparing files');
    expect(preparing?.role).toBe('progressbar');
    expect(preparing?.value).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads twice on one page without an error (two copies of the bundle)', async () => {
    const { page, errors } = await web.open('/tests/e2e/fixtures/blank.html');
    await page.addScriptTag({ url: '/dist/touchpoint.min.js' });
    await page.evaluate(() => (document.body.innerHTML = '<tp-progress-bar label="Twice" value="3"></tp-progress-bar>'));
    expect((await axTree(page)).find((n) => n.role === 'progressbar')?.name).toBe('Twice');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the dev bundle loaded twice warns exactly once, naming the versions', async () => {
    const warnings: string[] = [];
    const { page, errors } = await web.open('/tests/e2e/fixtures/blank.html', {
      before: (page) => page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('[touchpoint]') && warnings.push(m.text())),
    });
    await page.addScriptTag({ url: '/dist/touchpoint.dev.js' });
    await page.evaluate(() => (document.body.innerHTML = '<tp-progress-bar label="Twice" value="3"></tp-progress-bar>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/loaded a second time; .* Load one copy\./);
    expect(errors).toEqual([]);
    await page.close();
  });
});
