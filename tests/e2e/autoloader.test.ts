import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axTree } from '../support/ax-tree.js';
import { useBrowser } from '../support/use-browser.js';

const web = useBrowser();

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
    expect(requests).toEqual(['cdn/chunks/tooltip.js']);
    expect(await page.locator('tp-tooltip').count()).toBe(3);
    expect(await page.locator('tp-tooltip').evaluateAll((els) => els.every((el) => el.shadowRoot !== null))).toBe(true);

    // And it works: each tooltip describes its button.
    const button = (await axTree(page)).find((n) => n.role === 'button' && n.name === 'Button 2');
    expect(button?.description).toBe('Tooltip number 2, loaded on demand');
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
