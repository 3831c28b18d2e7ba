import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/unsubscribe/define.js';
import type { TpUnsubscribe } from '../../src/unsubscribe/unsubscribe.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { installPretendBackEnd } from '../../stories/submit-confirmation.states.js';
import { installPretendUnsubscribeBackEnd, reachUnsubscribeState, unsubscribeMarkup, unsubscribeStates } from '../../stories/unsubscribe.states.js';

let host: HTMLElement;
async function mount(name: keyof typeof unsubscribeStates): Promise<TpUnsubscribe> {
  host = document.createElement('div');
  host.innerHTML = unsubscribeMarkup(unsubscribeStates[name]!);
  document.body.append(host);
  return reachUnsubscribeState(host, unsubscribeStates[name]!);
}

/** The element focus is really on, through shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

// As in Storybook, where every story shares one page: the submit-confirmation stories' pretend back
// end (on /story-api/) is installed after this one, and must not answer for /story-api/unsubscribe/.
beforeAll(() => {
  installPretendUnsubscribeBackEnd();
  installPretendBackEnd();
});

afterEach(async () => {
  document.body.replaceChildren();
  await resetMedia();
});

describe('<tp-unsubscribe> in Chromium', () => {
  it.each(Object.keys(unsubscribeStates))('state "%s" has no axe violations', async (name) => {
    const el = await mount(name);
    expect(el.state).toBe(unsubscribeStates[name]!.reach);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('the Offline story stays offline while it shows, and the next story is online again', async () => {
    const el = await mount('Offline');
    // Long enough for the kept choice to be tried, were the browser online.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(navigator.onLine).toBe(false);
    expect(el.state).toBe('offline');
    expect(el.shadowRoot!.querySelector('[part~=status]')!.textContent).toContain('You’re offline');
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-disabled')).toBe('true');
    document.body.replaceChildren();
    // Given back as soon as the element leaves the page (as when Storybook switches stories).
    await expect.poll(() => navigator.onLine).toBe(true);
    await mount('Manual');
    expect(navigator.onLine).toBe(true);
  });

  it('button margins are logical: the gap follows the text direction', async () => {
    const el = await mount('Manual');
    host.dir = 'rtl';
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part~=button]')!;
    const style = getComputedStyle(button);
    expect([style.marginLeft, style.marginRight]).toEqual(['8px', '0px']);
    host.dir = 'ltr';
    expect([getComputedStyle(button).marginLeft, getComputedStyle(button).marginRight]).toEqual(['0px', '8px']);
  });

  it('gives every choice the same weight, and pointer targets of at least 24×24 CSS pixels', async () => {
    const el = await mount('Landing with auto');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=button]')];
    expect(buttons.map((b) => b.textContent!.trim())).toEqual([
      'Resubscribe',
      'At most one email a week',
      'At most one email a month',
      'Save',
      'Pause for 30 days',
      'Pause for 90 days',
      'Send',
    ]);
    const look = (b: HTMLElement) => {
      const s = getComputedStyle(b);
      return [s.fontSize, s.fontWeight, s.backgroundColor, s.color, s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.blockSize];
    };
    for (const b of buttons) {
      expect(look(b)).toEqual(look(buttons[0]!));
      const { width, height } = b.getBoundingClientRect();
      expect(width).toBeGreaterThanOrEqual(24);
      expect(height).toBeGreaterThanOrEqual(24);
    }
    for (const box of el.shadowRoot!.querySelectorAll('input')) {
      const { width, height } = box.closest('label')!.getBoundingClientRect();
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(24);
    }
  });

  it('by keyboard: Enter on the one button unsubscribes and focus moves to the confirmation heading', async () => {
    const el = await mount('Manual');
    el.shadowRoot!.querySelector('button')!.focus();
    await userEvent.keyboard('{Enter}');
    while (el.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    expect(focused()).toBe(el.shadowRoot!.querySelector('[part=heading]'));
    expect(focused()!.textContent).toBe('You’re unsubscribed');
    await userEvent.tab();
    expect(focused()!.textContent).toBe('Resubscribe');
  });

  it('keeps its boxes visible in forced-colors mode', async () => {
    const el = await mount('Expired token');
    await emulateMedia({ 'forced-colors': 'active' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=error]')!).borderTopStyle).toBe('solid');
    expect(await axeViolations(host)).toEqual([]);
  });

  it('is readable in a dark colour scheme', async () => {
    const el = await mount('Paused');
    const light = getComputedStyle(el.shadowRoot!.querySelector('[part=confirmation]')!).borderTopColor;
    host.style.colorScheme = 'dark';
    host.style.background = '#15181d';
    host.style.color = '#e8edf5';
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=confirmation]')!).borderTopColor).not.toBe(light);
    expect(await axeViolations(host)).toEqual([]);
  });
});
