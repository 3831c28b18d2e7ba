import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

// The built Storybook, as designers see it: the language packs are side-effect imports, which a
// bundler drops unless package.json "sideEffects" names them (it once did, and every story spoke
// English). The Theming story's controls reach every component.
const staticDir = `${repoRoot}/storybook-static`;
if (!existsSync(`${staticDir}/index.json`)) throw new Error('No Storybook build: run `npm run build-storybook` first.');

const storybook = useBrowser({ root: staticDir });

async function story(page: Page, id: string, args = ''): Promise<void> {
  await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=story${args ? `&args=${args}` : ''}`);
  await page.waitForFunction(() => document.querySelector('#storybook-root tp-steps')?.shadowRoot?.querySelector('[part=summary]'));
}

const summary = (page: Page) =>
  page.evaluate(() => document.querySelector('#storybook-root tp-steps')!.shadowRoot!.querySelector('[part=summary]')!.textContent);

describe('Guides in the built Storybook', () => {
  it('Languages: the components speak the chosen language', async () => {
    const page = await storybook.browser.newPage();
    const errors = watchErrors(page);
    await story(page, 'guides-languages--german');
    expect(await summary(page)).toBe('Schritt 2 von 4 — Lieferung');
    await story(page, 'guides-languages--switch-language', 'lang:fr-CA');
    expect(await summary(page)).toBe('Étape 2 sur 4 — Livraison');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Theming: a token set in the controls reaches the components', async () => {
    const page = await storybook.browser.newPage();
    await story(page, 'guides-theming--brand');
    const accent = await page.evaluate(
      () => getComputedStyle(document.querySelector('#storybook-root tp-progress-bar')!.shadowRoot!.querySelector('[part=indicator]')!).backgroundColor,
    );
    expect(accent).toBe('rgb(109, 40, 217)');
    await page.close();
  });
});
