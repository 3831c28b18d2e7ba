import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, watchErrors } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

const staticDir = `${repoRoot}/storybook-static`;
if (!existsSync(`${staticDir}/index.json`)) {
  throw new Error('No Storybook build: run `npm run build-storybook` before `npm run test:stories`.');
}
const index = JSON.parse(readFileSync(`${staticDir}/index.json`, 'utf8')) as {
  entries: Record<string, { id: string; title: string; name: string; type: 'story' | 'docs' }>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const storybook = useBrowser({ root: staticDir });
let page: Page;
let errors: string[];

beforeAll(async () => {
  page = await storybook.browser.newPage();
  errors = watchErrors(page);
});

/**
 * Each story is checked three ways, as readers see it: light; dark (the reader prefers dark and the
 * page is dark: `color-scheme: dark` on the root, which the elements inherit, as `data-theme="dark"`
 * or a dark site would give them); and forced colours (Windows High Contrast). The story loads once;
 * the media change applies live, so three passes cost three axe runs, not three page loads.
 */
const SCHEMES = [
  { name: 'light', colorScheme: 'light', forcedColors: 'none' },
  { name: 'dark', colorScheme: 'dark', forcedColors: 'none' },
  { name: 'forced-colors', colorScheme: 'light', forcedColors: 'active' },
] as const;

async function axeViolations(forcedColors: boolean): Promise<string[]> {
  return page.evaluate(async (forcedColors) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    // Storybook's a11y addon runs axe on each story too (designers see it in the panel); axe
    // allows one run at a time, so wait for the addon's to finish.
    for (let tries = 0; ; tries++) {
      try {
        // In forced colours the reader's own palette replaces ours, and axe's contrast check does
        // not see what Chromium paints (it reported authored colours on a forced white canvas):
        // contrast is checked in light and dark, every other rule (names, roles, structure) in all three.
        const options: import('axe-core').RunOptions = {
          resultTypes: ['violations'],
          rules: forcedColors ? { 'color-contrast': { enabled: false } } : {},
        };
        const result = await axe.run('#storybook-root', options);
        return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      } catch (error) {
        if (tries > 50 || !String(error).includes('already running')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, forcedColors);
}

describe('every story passes axe in Chromium, in light, dark and forced colours', () => {
  it('has stories to check', () => {
    expect(stories.length).toBeGreaterThan(5);
  });

  it.each(stories.map((s) => [`${s.title} / ${s.name}`, s.id]))('%s', async (_label, id) => {
    errors.length = 0;
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=story`);
    await page.waitForFunction(() => {
      const root = document.querySelector('#storybook-root');
      const pending = root?.querySelectorAll(':not(:defined)').length ?? 1;
      return root && root.childElementCount > 0 && pending === 0;
    });
    await page.evaluate(axeSource);
    const violations: Record<string, string[]> = {};
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme.colorScheme, forcedColors: scheme.forcedColors });
      await page.evaluate(async (colorScheme) => {
        // The canvas colours made explicit: axe takes a page without a background as white.
        const root = document.documentElement.style;
        root.colorScheme = colorScheme;
        root.background = 'Canvas';
        root.color = 'CanvasText';
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }, scheme.colorScheme);
      violations[scheme.name] = await axeViolations(scheme.forcedColors === 'active');
    }
    expect(violations).toEqual({ light: [], dark: [], 'forced-colors': [] });
    expect(errors).toEqual([]);
  });
});
