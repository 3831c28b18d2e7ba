// What a screen reader gets from <tp-tooltip>: Chromium's own accessibility tree through the
// DevTools Protocol, for every attach style, inside another component's shadow root, with the
// script-tag build (dist/touchpoint.dev.js).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toggletipMarkup, toggletipStates } from '../../stories/toggletip.states.js';
import { tooltipMarkup, tooltipStates } from '../../stories/tooltip.states.js';
import { axTree, type AxNode } from '../support/ax-tree.js';
import { useBrowser } from '../support/use-browser.js';

const web = useBrowser();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await web.open('/tests/e2e/fixtures/blank.html'));
});

/** Replaces the page body (declarative shadow DOM included) and waits for every tooltip to render. */
async function show(markup: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.body.setHTMLUnsafe(html);
    const all = [document, ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
    const tooltips = all.flatMap((root) => [...root.querySelectorAll('tp-tooltip')]);
    await Promise.all(tooltips.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  }, markup);
}

const buttons = (tree: AxNode[]) => tree.filter((n) => n.role === 'button' && !n.ignored);
/** Nodes a screen reader would read as text (ignored ones are not read). */
const readable = (tree: AxNode[], text: string) => tree.filter((n) => !n.ignored && n.role === 'StaticText' && n.name.includes(text));

describe('<tp-tooltip> in the accessibility tree', () => {
  it.each(Object.entries(tooltipStates))('state "%s": the trigger’s name and description', async (_name, state) => {
    await show(tooltipMarkup(state));
    const tree = await axTree(page);
    const matches = buttons(tree).filter((n) => n.name === state.expected.name);
    expect(matches).toHaveLength(1);
    const [trigger] = matches;
    expect(trigger!.description).toBe(state.expected.description);
    // The popover's invoker relation must not make the trigger look like a disclosure button.
    expect(trigger!.properties.expanded).toBeUndefined();
    // Read once: the bubble (even when open) is not a second copy of the text in the tree, and no
    // live region carries it (the workaround that reads it twice).
    const text = state.expected.description || state.expected.name;
    expect(readable(tree, text)).toEqual([]);
    expect(tree.filter((n) => n.properties.live && n.name.includes(text))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('description and name stay equal to the text when it changes, and go when the tooltip goes', async () => {
    await show(tooltipMarkup(tooltipStates['Inside another component’s shadow root']!));
    const describe = async () => buttons(await axTree(page)).find((n) => n.name === 'Remove')?.description;
    expect(await describe()).toBe('Removes the card for good');
    await page.evaluate(async () => {
      const tooltip = document.querySelector('demo-card')!.shadowRoot!.querySelector('tp-tooltip')!;
      tooltip.textContent = 'Deletes it';
      await tooltip.updateComplete;
    });
    expect(await describe()).toBe('Deletes it');
    await page.evaluate(() => document.querySelector('demo-card')!.shadowRoot!.querySelector('tp-tooltip')!.remove());
    expect(await describe()).toBe('');
  });

  it('keeps the author’s own aria-label when an as-label tooltip is removed', async () => {
    await show('<tp-tooltip content="Open settings" as-label><button type="button" aria-label="Settings">⚙</button></tp-tooltip>');
    expect(buttons(await axTree(page)).map((n) => n.name)).toEqual(['Open settings']);
    await page.evaluate(() => {
      const tooltip = document.querySelector('tp-tooltip')!;
      tooltip.replaceWith(tooltip.firstElementChild!);
    });
    expect(buttons(await axTree(page)).map((n) => n.name)).toEqual(['Settings']);
  });
});

describe('<tp-tooltip> on a parsed page', () => {
  it('finds a trigger parsed after it, and describes triggers inside declarative shadow roots', async () => {
    const warnings: string[] = [];
    const { page: fixture, errors: fixtureErrors } = await web.open('/tests/e2e/fixtures/tooltip.html', {
      before: (page) => page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())),
    });
    await fixture.waitForFunction(() => document.querySelector('tp-tooltip')?.shadowRoot);
    const tree = buttons(await axTree(fixture));
    expect(tree.find((n) => n.name === 'Archive')?.description).toBe('Moves the ticket out of your inbox');
    expect(tree.find((n) => n.name === 'Remove')?.description).toBe('Removes the card for good');
    expect(tree.find((n) => n.name === 'Card settings')?.description).toBe('');
    // Found late, so no "names no element" warning either.
    expect(warnings.filter((w) => w.includes('names no element'))).toEqual([]);
    expect(fixtureErrors).toEqual([]);
    await fixture.close();
  });

  it('stays visible for 10 s under a hovering mouse, and Escape hides it without moving focus', async () => {
    const { page: fixture } = await web.open('/tests/e2e/fixtures/tooltip.html', { before: (page) => page.clock.install() });
    await fixture.waitForFunction(() => document.querySelector('tp-tooltip')?.shadowRoot);
    const isOpen = () => fixture.evaluate(() => document.querySelector('tp-tooltip')!.open);
    await fixture.locator('#last').focus();
    await fixture.locator('#archive').hover();
    await fixture.clock.runFor(200);
    expect(await isOpen()).toBe(true);
    await fixture.clock.runFor(10_000);
    expect(await isOpen()).toBe(true);
    await fixture.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await fixture.evaluate(() => document.activeElement?.id)).toBe('last');
    await fixture.close();
  });
});

describe('the tooltip example page (dist/touchpoint.min.js)', () => {
  it('describes and names its buttons, with no errors', async () => {
    const { page: example, errors: exampleErrors } = await web.open('/examples/tooltip/');
    await example.waitForFunction(() => customElements.get('tp-tooltip') && customElements.get('tp-toggletip'));
    await example.evaluate(() => Promise.all([...document.querySelectorAll('tp-tooltip, tp-toggletip')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete)));
    const tree = buttons(await axTree(example));
    expect(tree.find((n) => n.name === 'Save draft')?.description).toBe('Keeps your answers on this device until you send them');
    expect(tree.find((n) => n.name === 'Print this page')?.description).toBe('');
    expect(tree.find((n) => n.name === 'Why we ask for your phone number')?.properties.expanded).toBe(false);
    expect(tree.find((n) => n.name === 'حفظ')?.description).toBe('يحفظ مسودة');
    expect(exampleErrors).toEqual([]);
    await example.close();
  });
});

describe('<tp-toggletip> in the accessibility tree', () => {
  it('a named button that expands, whose content is readable and announced once, and Escape returns focus', async () => {
    await page.evaluate(async (html) => {
      document.body.innerHTML = html;
      await document.querySelector('tp-toggletip')!.updateComplete;
    }, toggletipMarkup(toggletipStates.Open!).replace(' open', ''));
    const find = async () => buttons(await axTree(page)).filter((n) => n.name === 'About refunds');
    const [closed] = await find();
    expect(closed?.properties.expanded).toBe(false);
    await page.locator('tp-toggletip button').click();
    const [open] = await find();
    expect(open?.properties.expanded).toBe(true);
    const tree = await axTree(page);
    expect(readable(tree, 'Refunds reach your card')).toHaveLength(1);
    expect(tree.some((n) => n.role === 'link' && n.name === 'Read the refund policy' && !n.ignored)).toBe(true);
    await page.waitForFunction(() => document.getElementById('tp-announcer')?.textContent?.startsWith('Refunds reach your card'));
    await page.keyboard.press('Escape');
    expect((await find())[0]?.properties.expanded).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('tp-toggletip');
    expect(errors).toEqual([]);
  });
});
