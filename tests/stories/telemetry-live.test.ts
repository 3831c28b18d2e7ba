import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium, repoRoot, watchErrors } from '../support/browser.js';

const staticDir = `${repoRoot}/storybook-static`;
if (!existsSync(`${staticDir}/index.json`)) throw new Error('No Storybook build: run `npm run build-storybook` first.');

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(staticDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Telemetry docs page’s live panel', () => {
  it('lists the event the hub sends when the demo upload completes, with the schema’s fields', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/iframe.html?id=docs-telemetry-live-events--live-events&viewMode=story`);
    await page.getByRole('button', { name: 'Run the upload' }).click();
    const item = page.locator('#events li', { hasText: 'tp.progress_bar.completed' });
    await item.waitFor({ timeout: 10_000 });
    const text = (await item.textContent())!;
    expect(text).toContain('"tag":"tp-progress-bar"');
    expect(text).toContain('"id":"demo-upload"');
    expect(text).toContain('"variant":"docs"');
    expect(text).toMatch(/"duration_ms":\d+/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
