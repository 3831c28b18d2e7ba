import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/use-browser.js';

// data-theme on the script tag (light · dark · auto): the elements' colours are light-dark()
// pairs, so the computed colours tell which scheme each element (and its popover) is in.
const LIGHT = { indicator: 'rgb(29, 91, 214)', tooltip: 'rgb(31, 36, 48)', toggletip: 'rgb(255, 255, 255)' };
const DARK = { indicator: 'rgb(138, 180, 255)', tooltip: 'rgb(232, 237, 245)', toggletip: 'rgb(31, 36, 48)' };

const web = useBrowser();

interface Setup {
  theme?: string;
  os: 'light' | 'dark';
  /** The page's own `color-scheme` on :root, if it declares one. */
  page?: string;
  bundle?: 'min' | 'dev';
}

async function open({ theme, os, page: scheme, bundle = 'min' }: Setup): Promise<{ page: Page; colours: typeof LIGHT; warnings: string[]; errors: string[] }> {
  const warnings: string[] = [];
  const { page, errors } = await web.open('/tests/e2e/fixtures/theme.html', {
    before: (page) => {
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      return page.emulateMedia({ colorScheme: os });
    },
  });
  if (scheme) await page.addStyleTag({ content: `:root { color-scheme: ${scheme} }` });
  await page.evaluate(
    ([src, theme]) =>
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src!;
        if (theme !== undefined) script.dataset.theme = theme;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      }),
    [`/dist/touchpoint.${bundle}.js`, theme] as const,
  );
  await page.locator('tp-toggletip').getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('tp-toggletip')?.shadowRoot?.querySelector('[part=body]')?.matches(':popover-open'));
  const colours = await page.evaluate(() => {
    const background = (host: string, part: string) =>
      getComputedStyle(document.querySelector(host)!.shadowRoot!.querySelector(`[part=${part}]`)!).backgroundColor;
    return {
      indicator: background('tp-progress-bar', 'indicator'),
      tooltip: background('tp-tooltip', 'body'),
      toggletip: background('tp-toggletip', 'body'),
    };
  });
  return { page, colours, warnings, errors };
}

describe('data-theme on the script tag', () => {
  it('dark: every element and its popover is dark, even for a reader who prefers light', async () => {
    const { page, colours, errors } = await open({ theme: 'dark', os: 'light' });
    expect(colours).toEqual(DARK);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('light: light elements on a page that follows a reader who prefers dark', async () => {
    const { page, colours, errors } = await open({ theme: 'light', os: 'dark', page: 'light dark' });
    expect(colours).toEqual(LIGHT);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('auto (the default) follows the page: dark for a dark reader where the page supports dark…', async () => {
    const { page, colours } = await open({ theme: 'auto', os: 'dark', page: 'light dark' });
    expect(colours).toEqual(DARK);
    await page.close();
  });

  it('…and light on a light-only page, with or without the attribute', async () => {
    const { page, colours } = await open({ os: 'dark' });
    expect(colours).toEqual(LIGHT);
    await page.close();
  });

  it('a page’s own CSS for an element wins over data-theme', async () => {
    const { page } = await web.open('/tests/e2e/fixtures/theme.html');
    await page.addStyleTag({ content: 'tp-progress-bar { color-scheme: light }' });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = '/dist/touchpoint.min.js';
      script.dataset.theme = 'dark';
      document.head.append(script);
      return new Promise((resolve) => (script.onload = resolve));
    });
    await page.waitForFunction(() => document.querySelector('tp-progress-bar')?.shadowRoot?.querySelector('[part=indicator]'));
    const indicator = await page.evaluate(
      () => getComputedStyle(document.querySelector('tp-progress-bar')!.shadowRoot!.querySelector('[part=indicator]')!).backgroundColor,
    );
    expect(indicator).toBe(LIGHT.indicator);
    await page.close();
  });

  it('a bad value falls back to auto with one dev warning naming the attribute', async () => {
    const { page, colours, warnings, errors } = await open({ theme: 'purple', os: 'dark', bundle: 'dev' });
    expect(colours).toEqual(LIGHT);
    expect(warnings.filter((w) => w.includes('data-theme'))).toEqual([
      '[touchpoint] <script>: data-theme="purple" is not accepted (expected "light", "dark" or "auto"); using "auto" (the page’s color-scheme).',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
