// <tp-toggletip> in real Chromium: keyboard and mouse, the polite announcement, Escape and focus,
// outside clicks, the top layer, target size, and axe over every story state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/toggletip/define.js';
import type { TpToggletip } from '../../src/toggletip/toggletip.js';
import { toggletipMarkup, toggletipStates } from '../../stories/toggletip.states.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';

async function mount(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('tp-toggletip')].map((el) => el.updateComplete));
  return host;
}

const button = (el: TpToggletip) => el.shadowRoot!.querySelector('button')!;
const body = (el: TpToggletip) => el.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
const isShown = (el: TpToggletip) => body(el).matches(':popover-open');
const rect = (el: Element) => el.getBoundingClientRect();
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The element focus is really on, through shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function settle(el: TpToggletip): Promise<void> {
  await el.updateComplete;
  await frame();
  await Promise.all(body(el).getAnimations().map((a) => a.finished));
}

afterEach(async () => {
  document.body.replaceChildren();
  await resetMedia();
});

describe('<tp-toggletip> in Chromium', () => {
  it('opens with Enter and with Space, and closes with Escape, focus back on the button', async () => {
    const host = await mount('<button id="before">Before</button>' + toggletipMarkup(toggletipStates.Open!).replace(' open', ''));
    const el = host.querySelector('tp-toggletip')!;
    host.querySelector<HTMLButtonElement>('#before')!.focus();
    await userEvent.tab();
    expect(focused()).toBe(button(el));
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(isShown(el)).toBe(true);
    expect(button(el).getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(isShown(el)).toBe(false);
    expect(focused()).toBe(button(el));
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(isShown(el)).toBe(true);
    // Tab goes from the button into the content (a link), then Escape brings focus back.
    await userEvent.tab();
    expect(focused()).toBe(el.querySelector('a'));
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(isShown(el)).toBe(false);
    expect(focused()).toBe(button(el));
  });

  it('announces the content politely through the shared live region', async () => {
    const host = await mount(toggletipMarkup(toggletipStates.Closed!));
    const el = host.querySelector('tp-toggletip')!;
    await userEvent.click(button(el));
    await vi.waitFor(() => expect(document.getElementById('tp-announcer')?.textContent).toBe('Orders placed before 2 pm ship the same working day.'));
    expect(document.getElementById('tp-announcer')!.getAttribute('aria-live')).toBe('polite');
  });

  it('closes on a click outside without taking focus, and on a second click of its button', async () => {
    const host = await mount(toggletipMarkup(toggletipStates.Closed!) + '<p id="outside" style="margin-top: 300px">Somewhere else on the page</p>');
    const el = host.querySelector('tp-toggletip')!;
    await userEvent.click(button(el));
    await el.updateComplete;
    expect(isShown(el)).toBe(true);
    await userEvent.click(body(el));
    expect(el.open).toBe(true);
    await userEvent.click(host.querySelector('#outside')!);
    await el.updateComplete;
    expect(isShown(el)).toBe(false);
    await userEvent.click(button(el));
    await userEvent.click(button(el));
    await el.updateComplete;
    expect(isShown(el)).toBe(false);
  });

  it('has a pointer target of at least 24 × 24 CSS px', async () => {
    const host = await mount(toggletipMarkup(toggletipStates.Closed!));
    const r = rect(button(host.querySelector('tp-toggletip')!));
    expect(r.width).toBeGreaterThanOrEqual(24);
    expect(r.height).toBeGreaterThanOrEqual(24);
  });

  it('inside overflow: hidden and contain: paint, the popover is whole and on top', async () => {
    const host = await mount(toggletipMarkup(toggletipStates['Inside overflow hidden and contain paint']!));
    host.style.marginTop = '100px';
    const el = host.querySelector('tp-toggletip')!;
    await settle(el);
    const b = rect(body(el));
    const box = rect(host.querySelector('.tt-clip')!);
    expect(b.bottom).toBeGreaterThan(box.bottom);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    expect(b.bottom).toBeLessThanOrEqual(document.documentElement.clientHeight);
    expect(document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)).toBe(el);
  });

  it('does not fade under reduced motion, and keeps its states visible in forced colours', async () => {
    const host = await mount(toggletipMarkup(toggletipStates.Open!));
    const el = host.querySelector('tp-toggletip')!;
    const duration = () => parseFloat(getComputedStyle(body(el)).transitionDuration) * 1000;
    expect(duration()).toBeLessThanOrEqual(150);
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    expect(duration()).toBe(0);
    await emulateMedia({ 'forced-colors': 'active' });
    const style = getComputedStyle(button(el));
    expect(style.backgroundColor).not.toBe(style.color);
    expect(getComputedStyle(body(el)).borderTopStyle).toBe('solid');
  });

  it.each(Object.entries(toggletipStates))('state "%s" has no axe violations', async (_name, state) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = await mount(toggletipMarkup(state));
    for (const el of host.querySelectorAll('tp-toggletip')) await settle(el);
    expect(await axeViolations(host)).toEqual([]);
    warn.mockRestore();
  });
});
