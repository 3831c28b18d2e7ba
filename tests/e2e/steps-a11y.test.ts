// <tp-steps> and <tp-busy> as a screen reader gets them (Chromium's accessibility tree through
// CDP), and the checkout example driven by keyboard: where you are, aria-busy, announcements,
// and the telemetry a site owner's drop-off report is built from.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepsMarkup, stepsStates } from '../../stories/steps.states.js';
import { busyMarkup, busyStates } from '../../stories/busy.states.js';
import { axTree } from '../support/ax-tree.js';
import { watchErrors } from '../support/browser.js';
import { useBrowser } from '../support/use-browser.js';

const web = useBrowser();

interface RawNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

/**
 * The list items of the accessibility tree, each with the text of its subtree and the ARIA
 * attributes of the element behind it. (CDP's computed properties leave out aria-current, so it is
 * read from the DOM node the accessibility node stands for.)
 */
async function listItems(page: Page): Promise<{ text: string; current: string | null }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: RawNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n: RawNode): string =>
      n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((id) => text(byId.get(id)!)).join('');
    const items = nodes.filter((n) => !n.ignored && n.role?.value === 'listitem');
    return Promise.all(
      items.map(async (item) => {
        const { node } = (await session.send('DOM.describeNode', { backendNodeId: item.backendDOMNodeId! })) as {
          node: { attributes?: string[] };
        };
        const attributes = node.attributes ?? [];
        const at = attributes.indexOf('aria-current');
        return { text: text(item), current: at === -1 ? null : attributes[at + 1]! };
      }),
    );
  } finally {
    await session.detach();
  }
}

async function render(page: Page, markup: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.body.innerHTML = html;
    await Promise.all(
      [...document.querySelectorAll('tp-steps, tp-busy')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    );
  }, markup);
}

describe('<tp-steps> in the accessibility tree (script tag build)', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await web.browser.newPage();
    errors = watchErrors(page);
    await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
  });
  afterAll(() => page.close());

  it.each(Object.entries(stepsStates))('state "%s": the position, the current step, the done ones', async (_name, state) => {
    await render(page, stepsMarkup(state));
    const tree = await axTree(page);
    expect(tree.some((n) => n.role === 'StaticText' && n.name === state.expected.summary)).toBe(true);
    // The upgraded list only: the page's own list is not read a second time.
    expect(tree.filter((n) => n.role === 'list' && !n.ignored)).toHaveLength(1);
    const items = await listItems(page);
    expect(items).toHaveLength(state.steps.length);
    const current = items.filter((i) => i.current === 'step');
    expect(current.map((i) => i.text)).toEqual([state.expected.current]);
    const done = items.filter((i) => i.text.endsWith(', completed')).map((i) => i.text.replace(', completed', ''));
    expect(done).toEqual(state.expected.done);
    // Links only where going back is possible: on done steps that have one.
    const links = tree.filter((n) => n.role === 'link' && !n.ignored).map((n) => n.name);
    expect(links).toEqual(state.steps.filter((s, i) => s.href && state.expected.done.includes(s.name) && i < state.steps.length).map((s) => s.name));
    expect(errors.filter((e) => !e.includes('[touchpoint]'))).toEqual([]);
  });
});

describe('<tp-busy> in the accessibility tree (script tag build)', () => {
  it.each(Object.entries(busyStates))('state "%s": the bar as announced, and the region marked busy', async (_name, state) => {
    const page = await web.browser.newPage();
    await page.goto(`${web.url}/tests/e2e/fixtures/blank.html`);
    await render(page, busyMarkup(state));
    if (state.expected.bar) await page.waitForFunction(() => !document.querySelector('tp-busy')!.shadowRoot!.querySelector<HTMLElement>('[part=status]')!.hidden);
    const tree = await axTree(page);
    const bars = tree.filter((n) => n.role === 'progressbar');
    if (state.expected.bar) {
      expect(bars.map((b) => [b.name, b.value ?? null])).toEqual([[state.expected.bar.name, state.expected.bar.valueNow]]);
    } else {
      expect(bars).toEqual([]);
    }
    expect(tree.some((n) => n.properties.busy)).toBe(state.expected.busy);
    await page.close();
  });
});

describe('the checkout example (dist/touchpoint.min.js)', () => {
  /** Keeps every tp-telemetry event name+props in localStorage, so events sent as the page unloads survive it. */
  const RECORD = () => {
    document.addEventListener('tp-telemetry', (event) => {
      const { name, props } = (event as CustomEvent<{ name: string; props: Record<string, unknown> }>).detail;
      const seen = JSON.parse(localStorage.getItem('seen') ?? '[]') as unknown[];
      seen.push([name, props]);
      localStorage.setItem('seen', JSON.stringify(seen));
    });
  };
  const seen = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('seen') ?? '[]') as [string, Record<string, unknown>][]);
  const currentStep = async (page: Page) => (await listItems(page)).find((i) => i.current === 'step')?.text;

  it('is completed by keyboard: the current step follows, the wait is marked busy and said, not spammed', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(RECORD);
    await page.clock.install();
    await page.goto(`${web.url}/examples/checkout/`);
    await page.waitForFunction(() => customElements.get('tp-steps') && customElements.get('tp-busy'));
    await page.evaluate(() => {
      const region = document.getElementById('tp-announcer')!;
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    });
    expect(await currentStep(page)).toBe('Cart');

    await page.focus('#next');
    await page.keyboard.press('Enter');
    expect(await currentStep(page)).toBe('Delivery');
    // The step's heading has focus: the new context is read from the top.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delivery-title');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1010');
    await page.keyboard.press('Enter');
    expect(await currentStep(page)).toBe('Payment');
    await page.focus('#next');
    await page.keyboard.press('Enter');
    expect(await currentStep(page)).toBe('Review');
    expect((await axTree(page)).some((n) => n.properties.busy)).toBe(false);

    await page.focus('#next');
    await page.keyboard.press('Enter');
    // Busy at once; the indicator only after a second.
    expect((await axTree(page)).some((n) => n.properties.busy)).toBe(true);
    expect((await axTree(page)).some((n) => n.role === 'progressbar')).toBe(false);
    await page.clock.runFor(1200);
    expect((await axTree(page)).find((n) => n.role === 'progressbar')?.name).toBe('Placing your order');
    await page.clock.runFor(2000);
    await page.waitForFunction(() => document.activeElement?.id === 'done-title');
    expect((await axTree(page)).some((n) => n.properties.busy)).toBe(false);
    await page.clock.runFor(500);
    expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual(['Placing your order', 'Your order is placed.']);

    const events = await seen(page);
    expect(events.map(([name, props]) => `${name} ${props.step ?? ''}`.trim())).toEqual([
      'tp.steps.step_viewed 1',
      'tp.steps.step_completed 1',
      'tp.steps.step_viewed 2',
      'tp.steps.step_completed 2',
      'tp.steps.step_viewed 3',
      'tp.steps.step_completed 3',
      'tp.steps.step_viewed 4',
      'tp.busy.shown',
    ]);
    expect(events.at(-1)![1]).toMatchObject({ determinate: false, outcome: 'done' });
    // The pretend request takes 2.5 s of the page's (fake) clock.
    expect(events.at(-1)![1].wait_ms).toBeGreaterThan(2000);
    expect(events.at(-1)![1].wait_ms).toBeLessThan(3000);
    // The flow ended: leaving now is not abandoning.
    await page.goto(`${web.url}/examples/`);
    expect((await seen(page)).map(([name]) => name)).not.toContain('tp.steps.abandoned');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports abandonment when the page is left mid-flow, not when switching tabs or going back a step', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(RECORD);
    await page.goto(`${web.url}/examples/checkout/#payment`);
    await page.waitForFunction(() => customElements.get('tp-steps'));
    expect(await currentStep(page)).toBe('Payment');

    // Another tab in front, then back: not leaving. (Headless Chromium keeps pages "visible", so the
    // switch is played as the browser would report it.)
    await page.evaluate(() => {
      for (const state of ['hidden', 'visible']) {
        Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event(state === 'hidden' ? 'blur' : 'focus'));
      }
    });
    expect((await seen(page)).map(([name]) => name)).not.toContain('tp.steps.abandoned');

    // Back to Delivery through the step list's link (a link within the page).
    const back = page.locator('tp-steps [part=link][href$="#delivery"]');
    await back.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#delivery');
    expect(await currentStep(page)).toBe('Delivery');
    expect((await seen(page)).map(([name]) => name)).not.toContain('tp.steps.abandoned');

    await page.goto(`${web.url}/examples/`);
    const abandoned = (await seen(page)).filter(([name]) => name === 'tp.steps.abandoned');
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0]![1]).toMatchObject({ step: 2, total: 4 });
    expect(abandoned[0]![1].time_on_step_ms).toBeGreaterThanOrEqual(0);
    await context.close();
  });
});
