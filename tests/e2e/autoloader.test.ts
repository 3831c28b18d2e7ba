import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../bench/bundle.mjs';
import { loaders } from '../../src/autoloader/loaders.js';
import { axTree } from '../support/ax-tree.js';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

/** A page that loads the autoloader and holds `body`. */
const autoloaderPage = (body: string) => (_req: unknown, res: ServerResponse) =>
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end(`<!doctype html><html lang="en"><title>Autoloader</title><script type="module" src="/dist/cdn/autoloader.js"></script><body>${body}</body></html>`);

/** Every Touchpoint tag (the autoloader's list is the one list), in alphabetical order. */
const TAGS = Object.keys(loaders).sort();

const web = useBrowser({
  routes: {
    '/tooltip-only': autoloaderPage('<button id="save">Save</button><tp-tooltip for="save">Saves a draft</tp-tooltip>'),
    '/every-tag': autoloaderPage(TAGS.map((tag) => `<${tag}></${tag}>`).join('')),
  },
});

/** Every script the page requested, as `<folder>/<name>` without the content hash. */
function scriptRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/')) requests.push(path.replace(/^\/dist\//, '').replace(/-[\w-]{8}\.js$/, '.js'));
  });
  return requests;
}

describe('the autoloader (dist/cdn/autoloader.js, examples/autoloader/)', () => {
  it('loads only the components on the page, and a component added later once, however many are added', async () => {
    let requests: string[] = [];
    const { page, errors } = await web.open('/examples/autoloader/', { before: (page) => (requests = scriptRequests(page)) });
    await page.waitForFunction(() => customElements.get('tp-progress-bar'));
    await page.waitForLoadState('networkidle');

    // The bar on the page is upgraded and rendered.
    const bar = (await axTree(page)).find((n) => n.role === 'progressbar' && n.name === 'Reading the page');
    expect(bar?.value).toBe(40);
    // Nothing for the tags that are absent.
    expect(requests.sort()).toEqual(['cdn/autoloader.css', 'cdn/autoloader.js', 'cdn/chunks/progress-bar.js', 'cdn/chunks/shared.js']);
    expect(await page.evaluate(() => customElements.get('tp-tooltip'))).toBeUndefined();

    // Added after load: upgraded, with its module fetched once.
    requests.length = 0;
    await page.getByRole('button', { name: 'Add a button with a tooltip' }).click();
    await page.waitForFunction(() => customElements.get('tp-tooltip'));
    await page.getByRole('button', { name: 'Add a button with a tooltip' }).click();
    await page.getByRole('button', { name: 'Add a button with a tooltip' }).click();
    await page.waitForLoadState('networkidle');
    // The tooltip and the popover core it shares with the toggletip.
    expect(requests.sort()).toEqual(['cdn/chunks/position.js', 'cdn/chunks/tooltip.js']);
    expect(await page.locator('tp-tooltip').count()).toBe(3);
    expect(await page.locator('tp-tooltip').evaluateAll((els) => els.every((el) => el.shadowRoot !== null))).toBe(true);

    // And it works: each tooltip describes its button.
    const button = (await axTree(page)).find((n) => n.role === 'button' && n.name === 'Button 2');
    expect(button?.description).toBe('Tooltip number 2, loaded on demand');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches for a page with only <tp-tooltip> Lit, the core the tooltip uses and the tooltip: no more than an app bundling touchpoint/tooltip', async () => {
    const responses: Promise<[string, string]>[] = [];
    const { page, errors } = await web.open('/tooltip-only/', {
      before: (page) =>
        page.on('response', (response) => {
          const path = new URL(response.url()).pathname;
          if (path.startsWith('/dist/')) responses.push(response.text().then((text) => [path.replace(/^\/dist\//, '').replace(/-[\w-]{8}\.js$/, '.js'), text]));
        }),
    });
    await page.waitForFunction(() => customElements.get('tp-tooltip'));
    await page.waitForLoadState('networkidle');
    const fetched = new Map(await Promise.all(responses));
    expect((await axTree(page)).find((n) => n.role === 'button' && n.name === 'Save')?.description).toBe('Saves a draft');

    expect([...fetched.keys()].sort()).toEqual(['cdn/autoloader.js', 'cdn/chunks/position.js', 'cdn/chunks/shared.js', 'cdn/chunks/tooltip.js']);
    const code = [...fetched.values()].join('\n');
    // Not the core only other components use: the reliable sender, the outbox, the live region.
    expect(code).not.toContain('Idempotency-Key');
    expect(code).not.toContain('localStorage');
    expect(code).not.toContain('aria-live');
    // The bytes: the tooltip with Lit, as an app's bundle of touchpoint/tooltip has it, plus the
    // autoloader itself and a little glue between chunks (imports and exports).
    const app = Buffer.byteLength(await bundle(`${repoRoot}dist/tooltip/define.js`));
    const autoloader = Buffer.byteLength(fetched.get('cdn/autoloader.js')!);
    const components = Buffer.byteLength(code) - autoloader;
    expect(components).toBeLessThan(app + 1024);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches a page with every tag in a few files, each once', async () => {
    let requests: string[] = [];
    const { page, errors } = await web.open('/every-tag/', { before: (page) => (requests = scriptRequests(page)) });
    await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), TAGS);
    await page.waitForLoadState('networkidle');
    expect(new Set(requests).size).toBe(requests.length);
    // The autoloader, the shared chunk (Lit and the core every element uses), one chunk per element,
    // and one per group of core modules some elements share (position, send, announcer, estimates; rollup
    // folds chunks under ~1 KB into one loaded with them, rollup.config.mjs).
    expect(requests.length).toBeLessThanOrEqual(1 + 1 + TAGS.length + 5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides an element with autoloader.css until it is defined', async () => {
    // The tooltip chunk never arrives: its element stays undefined, and hidden.
    const { page, errors } = await web.open('/examples/autoloader/', { before: (page) => page.route(/\/chunks\/tooltip-/, () => {}) });
    await page.waitForFunction(() => customElements.get('tp-progress-bar'));
    await page.getByRole('button', { name: 'Add a button with a tooltip' }).click();
    const tooltip = page.locator('tp-tooltip');
    expect(await tooltip.evaluate((el) => el.matches(':not(:defined)') && getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.locator('tp-progress-bar').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    expect(errors).toEqual([]);
    await page.close();
  });
});
