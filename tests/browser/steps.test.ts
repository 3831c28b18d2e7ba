import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/steps/define.js';
import type { TpSteps } from '../../src/steps/steps.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { stepsMarkup, stepsStates } from '../../stories/steps.states.js';

async function mount(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('tp-steps')].map((el) => (el as TpSteps).updateComplete));
  return host;
}

const shadow = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const markers = (el: Element) => shadow(el, '[part=marker]');

afterEach(async () => {
  document.body.replaceChildren();
  await resetMedia();
});

describe('<tp-steps> in Chromium', () => {
  it.each(Object.entries(stepsStates))('state "%s" has no axe violations and says where people are', async (_name, state) => {
    const host = await mount(stepsMarkup(state));
    expect(await axeViolations(host)).toEqual([]);
    const el = host.querySelector('tp-steps')!;
    expect(shadow(el, '[part=summary]')[0]!.textContent).toBe(state.expected.summary);
    expect(shadow(el, '[aria-current=step] [part=link]')[0]?.textContent ?? null).toBe(state.expected.current);
  });

  it('without JavaScript the page’s list is a plain list; upgraded, it is replaced, not shown twice', async () => {
    const host = await mount(stepsMarkup(stepsStates.Checkout!));
    const original = host.querySelector('tp-steps > ol')!;
    expect(original.getClientRects()).toHaveLength(0);
    expect(shadow(host.querySelector('tp-steps')!, 'li')).toHaveLength(4);
  });

  it('tells the states apart without colour: tick and filled circle, solid ring and bold, dashed ring', async () => {
    const el = (await mount(stepsMarkup(stepsStates.Checkout!))).querySelector('tp-steps')!;
    const check = () => {
      const [done, current, upcoming] = markers(el).map((m) => getComputedStyle(m));
      const [, currentItem, upcomingItem] = shadow(el, 'li').map((li) => getComputedStyle(li));
      expect(markers(el)[0]!.textContent).toBe('✓');
      expect(current!.borderTopStyle).toBe('solid');
      expect(upcoming!.borderTopStyle).toBe('dashed');
      expect(Number(currentItem!.fontWeight)).toBeGreaterThan(Number(upcomingItem!.fontWeight));
      return done!;
    };
    expect(check().backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    // Forced colours flatten colours; the tick, the ring styles and the weight remain.
    await emulateMedia({ 'forced-colors': 'active' });
    check();
  });

  it('lays the steps out from the inline start, in left-to-right and right-to-left pages', async () => {
    const ltr = (await mount(stepsMarkup(stepsStates.Checkout!))).querySelector('tp-steps')!;
    const [first, second] = shadow(ltr, 'li').map((li) => li.getBoundingClientRect());
    expect(first!.left).toBeLessThan(second!.left);
    const rtl = (await mount(stepsMarkup(stepsStates['Right to left']!))).querySelector('tp-steps')!;
    const [a, b] = shadow(rtl, 'li').map((li) => li.getBoundingClientRect());
    expect(a!.right).toBeGreaterThan(b!.right);
  });

  it('compact: one line for the eye, the whole list for screen readers', async () => {
    const el = (await mount(stepsMarkup(stepsStates.Compact!))).querySelector('tp-steps')!;
    const list = shadow(el, 'ol')[0]!.getBoundingClientRect();
    expect(list.width).toBeLessThanOrEqual(1);
    expect(list.height).toBeLessThanOrEqual(1);
    expect(shadow(el, '[part=summary]')[0]!.getBoundingClientRect().height).toBeGreaterThan(10);
    expect(await axeViolations(el.parentElement!)).toEqual([]);
  });

  it('links back are at least 24 px tall, reachable by keyboard, and follow the page’s own link', async () => {
    const el = (await mount(stepsMarkup(stepsStates['Checkout, last step']!))).querySelector('tp-steps')!;
    const links = shadow(el, 'a[href]');
    expect(links).toHaveLength(3);
    for (const link of links) expect(link.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);

    const followed: string[] = [];
    el.querySelectorAll('a').forEach((a) =>
      a.addEventListener('click', (e) => {
        followed.push(a.getAttribute('href')!);
        e.preventDefault(); // a router handles it in place
      }),
    );
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.textContent).toBe('Cart');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(links[1]!);
    expect(followed).toEqual(['#cart', '#delivery']);
  });

  it('upgrades again when the page puts in a new list', async () => {
    const el = (await mount('<tp-steps current="2"></tp-steps>')).querySelector('tp-steps')!;
    expect(shadow(el, '[part=summary]')[0]!.textContent).toBe('Step 2');
    el.innerHTML = '<ol><li>Account</li><li>Plan</li><li>Pay</li></ol>';
    await expect.poll(() => shadow(el, '[part=summary]')[0]!.textContent).toBe('Step 2 of 3 — Plan');
  });

  it('renders once when it upgrades with its list: the first slotchange brings nothing new', async () => {
    const Steps = customElements.get('tp-steps') as unknown as { prototype: { render(): unknown } };
    const render = Steps.prototype.render;
    let renders = 0;
    Steps.prototype.render = function (this: TpSteps) {
      renders++;
      return render.call(this);
    };
    try {
      const host = await mount(stepsMarkup(stepsStates.Checkout!));
      // The slotchange is dispatched after the first render; give it (and any update it asked for) time.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      await host.querySelector<TpSteps>('tp-steps')!.updateComplete;
      expect(renders).toBe(1);
    } finally {
      Steps.prototype.render = render;
    }
  });

  it('follows the page’s colour scheme', async () => {
    const host = await mount(stepsMarkup(stepsStates.Checkout!));
    const done = () => getComputedStyle(markers(host.querySelector('tp-steps')!)[0]!).backgroundColor;
    const light = done();
    // A dark page: its scheme, and the canvas and text colours that go with it.
    host.style.colorScheme = 'dark';
    host.style.background = 'Canvas';
    host.style.color = 'CanvasText';
    expect(done()).not.toBe(light);
    expect(await axeViolations(host)).toEqual([]);
  });
});
