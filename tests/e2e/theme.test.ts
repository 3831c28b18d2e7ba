import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/use-browser.js';

// data-theme on the script tag (light · dark · auto) and the --tp-color-scheme token it sets: the
// elements' colours are light-dark() pairs, so the computed colours tell which scheme each element
// (and its popover) is in.
const LIGHT = { indicator: 'rgb(29, 91, 214)', tooltip: 'rgb(31, 36, 48)', toggletip: 'rgb(255, 255, 255)' };
const DARK = { indicator: 'rgb(138, 180, 255)', tooltip: 'rgb(232, 237, 245)', toggletip: 'rgb(31, 36, 48)' };

const web = useBrowser();

interface Setup {
  theme?: string;
  os: 'light' | 'dark';
  /** The page's own `color-scheme` on :root, if it declares one. */
  page?: string;
  bundle?: 'min' | 'dev';
  /** More of the page's own CSS. */
  css?: string;
  /** The elements live in the shadow root of the site's own component, `<site-app>`. */
  shadow?: boolean;
}

async function open({ theme, os, page: scheme, bundle = 'min', css, shadow }: Setup): Promise<{ page: Page; colours: typeof LIGHT; scheme: string; warnings: string[]; errors: string[] }> {
  const warnings: string[] = [];
  const { page, errors } = await web.open('/tests/e2e/fixtures/theme.html', {
    before: (page) => {
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      return page.emulateMedia({ colorScheme: os });
    },
  });
  if (scheme) await page.addStyleTag({ content: `:root { color-scheme: ${scheme} }` });
  if (css) await page.addStyleTag({ content: css });
  if (shadow) {
    await page.evaluate(() => {
      customElements.define(
        'site-app',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' });
          }
        },
      );
      const app = document.createElement('site-app');
      app.shadowRoot!.append(...document.body.children);
      document.body.append(app);
    });
  }
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
  await page.waitForFunction(() =>
    (document.querySelector('site-app')?.shadowRoot ?? document)
      .querySelector('tp-toggletip')
      ?.shadowRoot?.querySelector('[part=body]')
      ?.matches(':popover-open'),
  );
  const { scheme: hostScheme, ...colours } = await page.evaluate(() => {
    const root = document.querySelector('site-app')?.shadowRoot ?? document;
    const background = (host: string, part: string) =>
      getComputedStyle(root.querySelector(host)!.shadowRoot!.querySelector(`[part=${part}]`)!).backgroundColor;
    return {
      indicator: background('tp-progress-bar', 'indicator'),
      tooltip: background('tp-tooltip', 'body'),
      toggletip: background('tp-toggletip', 'body'),
      scheme: getComputedStyle(root.querySelector('tp-progress-bar')!).colorScheme,
    };
  });
  return { page, colours, scheme: hostScheme, warnings, errors };
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

  it('a page’s own --tp-color-scheme wins over data-theme', async () => {
    const { page, colours, scheme } = await open({ theme: 'dark', os: 'dark', css: ':root { --tp-color-scheme: light }' });
    expect(scheme).toBe('light');
    expect(colours).toEqual(LIGHT);
    await page.close();
  });
});

// Document styles stop at shadow boundaries, custom properties do not: the elements in a site's own
// component (or a framework's shadow DOM) follow data-theme and the page exactly as the others do.
describe('inside another component’s shadow root', () => {
  it('data-theme="dark": the element and its popover are dark', async () => {
    const { page, colours, scheme, errors } = await open({ theme: 'dark', os: 'light', shadow: true });
    expect(scheme).toBe('dark');
    expect(colours).toEqual(DARK);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('data-theme="light" on a page that follows a reader who prefers dark: light', async () => {
    const { page, colours, scheme } = await open({ theme: 'light', os: 'dark', page: 'light dark', shadow: true });
    expect(scheme).toBe('light');
    expect(colours).toEqual(LIGHT);
    await page.close();
  });

  it('no data-theme, a `color-scheme: light dark` page and a reader who prefers dark: follows the page', async () => {
    const { page, colours, scheme } = await open({ os: 'dark', page: 'light dark', shadow: true });
    expect(scheme).toBe('light dark');
    expect(colours).toEqual(DARK);
    await page.close();
  });

  it('no data-theme on a light-only page: stays light for a reader who prefers dark', async () => {
    const { page, colours } = await open({ os: 'dark', shadow: true });
    expect(colours).toEqual(LIGHT);
    await page.close();
  });
});

// With npm there is no script tag: the token is the one thing to set.
describe('the --tp-color-scheme token without the script tag’s data-theme', () => {
  it('dark on :root: dark elements on a light-only page, in and out of shadow roots', async () => {
    for (const shadow of [false, true]) {
      const { page, colours, scheme } = await open({ os: 'light', css: ':root { --tp-color-scheme: dark }', shadow });
      expect(scheme).toBe('dark');
      expect(colours).toEqual(DARK);
      await page.close();
    }
  });
});
