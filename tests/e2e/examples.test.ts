import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/collector/collector.js';
import { axTree } from '../support/ax-tree.js';
import { repoRoot } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

// The Vite, React and Vue examples, built the way CI and `npm start` build them, from dist/.
const folder = mkdtempSync(join(tmpdir(), 'touchpoint-examples-'));
const collected = join(folder, 'events.ndjson');
let collector: Collector;

beforeAll(async () => {
  execSync('npm run examples:build --silent', { cwd: repoRoot, stdio: 'pipe' });
  collector = createCollector({ out: collected });
});

afterAll(async () => {
  await collector?.close();
  rmSync(folder, { recursive: true, force: true });
});

// Started after the build and the collector above, and closed before them.
const web = useBrowser({ routes: { '/collect': (req, res) => collector(req, res) } });
const open = (name: string) => web.open(`/examples/${name}/dist/`);

const find = async (page: Page, role: string, name: string) => (await axTree(page)).find((n) => n.role === role && n.name === name);

describe('examples built with Vite (npm run examples:build)', () => {
  it('are production builds (no Lit dev mode, no Touchpoint dev warnings), even when run under vitest', () => {
    for (const name of ['vite-ts', 'react', 'vue']) {
      const assets = `${repoRoot}examples/${name}/dist/assets/`;
      const code = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(assets + f, 'utf8')).join('');
      expect(code, name).toContain('tp-progress-bar');
      expect(code, name).not.toContain('Lit is in dev mode');
      expect(code, name).not.toContain('is not accepted');
    }
  });

  it('vite-ts: typed imports from touchpoint/…, a working bar and tooltip, telemetry posted to /collect', async () => {
    const { page, errors } = await open('vite-ts');
    await page.waitForFunction(() => customElements.get('tp-progress-bar') && customElements.get('tp-tooltip'));
    expect((await find(page, 'button', 'Start export'))?.description).toBe('Builds a file with everything you stored');

    const posted = page.waitForResponse((r) => new URL(r.url()).pathname === '/collect' && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByText('Your export is ready.').waitFor();
    expect((await find(page, 'progressbar', 'Exporting your data'))?.value).toBe(100);
    expect(await page.locator('#events li').first().textContent()).toBe('tp.progress_bar.completed from <tp-progress-bar>');
    expect((await posted).ok()).toBe(true);
    await expect.poll(() => readFileSync(collected, 'utf8')).toContain('"tp.progress_bar.completed"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('react: the @lit/react wrappers and a plain tag render, take props and report events', async () => {
    const { page, errors } = await open('react');
    await page.getByRole('heading', { name: 'React' }).waitFor();
    await page.waitForFunction(() => customElements.get('tp-progress-bar') && customElements.get('tp-steps'));
    expect((await find(page, 'progressbar', 'Profile complete'))?.value).toBe(0);
    expect(await page.locator('tp-steps').evaluate((el) => el.shadowRoot?.querySelector('[part=summary]')?.textContent)).toContain('Step 1 of 3');

    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(async () => (await find(page, 'progressbar', 'Profile complete'))?.value).toBe(50);
    expect(await page.locator('tp-steps').evaluate((el) => el.shadowRoot?.querySelector('[part=summary]')?.textContent)).toContain('Step 2 of 3');
    // onTpShow: keyboard focus shows the tooltip at once, and React hears tp-show.
    await page.getByRole('button', { name: 'Start again' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.getByText('Tooltip shown 1 times.').waitFor();
    // The toggletip's button is named by its label prop.
    expect(await find(page, 'button', 'About these steps')).toBeDefined();
    expect(errors).toEqual([]);
    await page.close();

    // Vite tree-shakes touchpoint/react: the elements whose wrappers the app does not use are not in its bundle.
    const assets = `${repoRoot}examples/react/dist/assets/`;
    const code = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(assets + f, 'utf8')).join('');
    for (const tag of ['tp-progress-bar', 'tp-tooltip', 'tp-toggletip', 'tp-steps']) expect(code).toContain(tag);
    for (const tag of ['tp-busy', 'tp-reply-promise', 'tp-submit-confirmation', 'tp-unsubscribe']) expect(code).not.toContain(tag);
  });

  it('vue: tags in a template, bound with : and @, and a busy region while saving', async () => {
    const { page, errors } = await open('vue');
    await page.getByRole('heading', { name: 'Vue' }).waitFor();
    await page.waitForFunction(() => customElements.get('tp-busy') && customElements.get('tp-tooltip'));
    expect((await find(page, 'button', 'Save settings'))?.description).toBe('Keeps a copy of your settings');

    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await page.locator('tp-busy').evaluate((el) => (el as HTMLElement & { busy: boolean }).busy)).toBe(true);
    await page.getByText('Saved 1 times.').waitFor();
    expect(await page.locator('tp-busy').evaluate((el) => (el as HTMLElement & { busy: boolean }).busy)).toBe(false);
    expect(await page.getByText(/Tooltip shown [1-9] times/).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
