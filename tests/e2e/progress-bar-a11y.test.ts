import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { progressBarMarkup, progressBarStates } from '../../stories/progress-bar.states.js';
import { axTree } from '../support/ax-tree.js';
import { useBrowser } from '../support/use-browser.js';

const web = useBrowser();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await web.open('/tests/e2e/fixtures/blank.html'));
});

describe('<tp-progress-bar> in the accessibility tree (script tag build)', () => {
  it.each(Object.entries(progressBarStates))('state "%s": role, name and value as a screen reader gets them', async (_name, state) => {
    await page.evaluate(async (markup) => {
      document.body.innerHTML = markup;
      await Promise.all([...document.querySelectorAll('tp-progress-bar')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    }, progressBarMarkup(state));
    const bars = (await axTree(page)).filter((n) => n.role === 'progressbar');
    expect(bars).toHaveLength(1);
    const [bar] = bars;
    expect(bar!.name).toBe(state.expected.name);
    expect(bar!.properties.valuemax).toBe(state.expected.valueMax);
    // Indeterminate: no value at all (never 0).
    expect(bar!.value).toBe(state.expected.valueNow ?? undefined);
    expect(errors).toEqual([]);
  });
});
