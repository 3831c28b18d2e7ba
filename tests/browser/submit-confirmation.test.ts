import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import '../../src/submit-confirmation/define.js';
import type { TpSubmitConfirmation } from '../../src/submit-confirmation/submit-confirmation.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import {
  installPretendBackEnd,
  reachState,
  submitConfirmationMarkup,
  submitConfirmationStates,
} from '../../stories/submit-confirmation.states.js';

let host: HTMLElement;
async function mount(name: keyof typeof submitConfirmationStates): Promise<TpSubmitConfirmation> {
  host = document.createElement('div');
  host.innerHTML = submitConfirmationMarkup(submitConfirmationStates[name]!);
  document.body.append(host);
  return reachState(host, submitConfirmationStates[name]!);
}

/** The element focus is really on, through shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
const calls: string[] = [];

beforeAll(() => {
  installPretendBackEnd();
  // Count what reaches the pretend back end (it answers by path, so the spy passes calls through).
  const fetch = window.fetch;
  window.fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
});

afterEach(async () => {
  document.body.replaceChildren();
  calls.length = 0;
  await resetMedia();
  await cdp().send('Emulation.setEmulatedMedia', { media: '' });
});

describe('<tp-submit-confirmation> in Chromium', () => {
  it.each(Object.keys(submitConfirmationStates))('state "%s" has no axe violations', async (name) => {
    const el = await mount(name);
    expect(el.state).toBe(submitConfirmationStates[name]!.reach);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('sends once by keyboard, even with Enter pressed twice, then focuses the confirmation heading', async () => {
    const el = await mount('Before');
    host.querySelector('form')!.action = '/story-api/hang';
    (host.querySelector('#sc-password') as HTMLInputElement).focus();
    await userEvent.keyboard('{Enter}{Enter}');
    await vi.waitFor(() => expect(el.state).toBe('sending'));
    await userEvent.keyboard('{Enter}');
    expect(calls.filter((url) => url.includes('/story-api/'))).toHaveLength(1);

    const ok = await mount('Before');
    (host.querySelector('#sc-message') as HTMLTextAreaElement).focus();
    await userEvent.tab(); // the password field
    await userEvent.tab(); // the send button
    expect(focused()?.textContent).toBe('Send message');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(ok.state).toBe('confirmed'));
    await ok.updateComplete;
    expect(focused()).toBe(part(ok, 'heading'));
    expect(focused()!.textContent).toBe('Message sent');
    // The way on: copy, then print, by keyboard.
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Copy details');
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Print');
  });

  it('says “Sending your message…” after a second, and keeps every field as typed', async () => {
    const el = await mount('Slow');
    expect(part(el, 'busy')!.innerText).toBe('Sending your message…');
    expect((host.querySelector('#sc-name') as HTMLInputElement).value).toBe('Ada Lovelace');
  });

  it('moves focus to the error summary, which names itself and explains, with a retry button', async () => {
    const el = await mount('Failed');
    const summary = part(el, 'error')!;
    expect(focused()).toBe(summary);
    expect(summary.innerText).toContain('Your message was not sent');
    expect(summary.innerText).toContain('Something went wrong on our side');
    expect((host.querySelector('#sc-message') as HTMLTextAreaElement).value).toBe('My order has not arrived.');
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Try again');
  });

  it('offline: focus on the notice, and its button agrees to send later', async () => {
    const el = await mount('Offline');
    expect(focused()).toBe(part(el, 'error'));
    expect(calls).toEqual([]);
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Send when I am back online');
  });

  it('has pointer targets of at least 24×24 CSS pixels', async () => {
    const el = await mount('Confirmed');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=button]')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Copy details', 'Print']);
    for (const b of buttons) {
      const { width, height } = b.getBoundingClientRect();
      expect(width).toBeGreaterThanOrEqual(24);
      expect(height).toBeGreaterThanOrEqual(24);
    }
  });

  it('keeps the boxes visible in forced-colors mode and in a dark colour scheme', async () => {
    const el = await mount('Failed');
    await emulateMedia({ 'forced-colors': 'active' });
    expect(getComputedStyle(part(el, 'error')!).borderTopStyle).toBe('solid');
    expect(await axeViolations(host)).toEqual([]);
    await resetMedia();
    const light = getComputedStyle(part(el, 'error')!).borderTopColor;
    host.style.colorScheme = 'dark';
    host.style.background = '#15181d';
    host.style.color = '#e8edf5';
    expect(getComputedStyle(part(el, 'error')!).borderTopColor).not.toBe(light);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('prints the confirmation without its buttons', async () => {
    const el = await mount('Confirmed');
    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    expect(getComputedStyle(part(el, 'button')!).display).toBe('none');
    expect(part(el, 'reference')!.innerText).toBe('CF-1042');
  });

  it('copies the reference and the promise to the clipboard', async () => {
    const el = await mount('Confirmed');
    let copied = '';
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      copied = text;
    });
    part(el, 'button')!.click();
    await vi.waitFor(() => expect(copied).toContain('CF-1042'));
    expect(copied).toBe('Message sent\nYour reference number: CF-1042\nWe’ll reply by Wednesday 25 November, 17:30 (your time).');
    await vi.waitFor(() => expect(document.getElementById('tp-announcer')!.textContent).toBe('Details copied.'));
  });
});
