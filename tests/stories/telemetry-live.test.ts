import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

const staticDir = `${repoRoot}/storybook-static`;
if (!existsSync(`${staticDir}/index.json`)) throw new Error('No Storybook build: run `npm run build-storybook` first.');

const storybook = useBrowser({ root: staticDir });

describe('the Telemetry docs page’s live panel', () => {
  it('lists the event the hub sends when the demo upload completes, with the schema’s fields', async () => {
    const { page, errors } = await storybook.open('/iframe.html?id=docs-telemetry-live-events--live-events&viewMode=story');
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
