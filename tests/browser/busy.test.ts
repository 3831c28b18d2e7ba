import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/busy/define.js';
import type { TpBusy } from '../../src/busy/busy.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { busyMarkup, busyStates } from '../../stories/busy.states.js';

async function mount(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('tp-busy')].map((el) => (el as TpBusy).updateComplete));
  return host;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;
const bar = (el: Element) => el.shadowRoot!.querySelector('tp-progress-bar') as TpProgressBar;

/** Every non-empty text the shared live region is given. */
function listen(): string[] {
  const said: string[] = [];
  const region = document.getElementById('tp-announcer')!;
  new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return said;
}

afterEach(async () => {
  vi.useRealTimers();
  document.body.replaceChildren();
  await resetMedia();
});

describe('<tp-busy> in Chromium', () => {
  it.each(Object.entries(busyStates))('state "%s" has no axe violations', async (_name, state) => {
    const host = await mount(busyMarkup(state));
    const el = host.querySelector('tp-busy')!;
    if (state.expected.bar) await expect.poll(() => part(el, 'status').hidden, { timeout: 3000 }).toBe(false);
    expect(part(el, 'region').getAttribute('aria-busy')).toBe(state.expected.busy ? 'true' : null);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('sets aria-busy while a tracked promise runs and clears it when it settles', async () => {
    const el = (await mount('<tp-busy label="Saving"><p>Form</p></tp-busy>')).querySelector('tp-busy')!;
    let done!: () => void;
    const work = el.track(new Promise<void>((resolve) => (done = resolve)));
    await el.updateComplete;
    expect(part(el, 'region').getAttribute('aria-busy')).toBe('true');
    expect(el.hasAttribute('busy')).toBe(true);
    done();
    await work;
    await expect.poll(() => part(el, 'region').getAttribute('aria-busy')).toBeNull();
    expect(el.hasAttribute('busy')).toBe(false);
  });

  it('announces a long upload at meaningful moments only, through the one shared live region', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    const el = (await mount('<tp-busy busy label="Uploading video" value="0"><p>Video</p></tp-busy>')).querySelector('tp-busy')!;
    const said = listen();
    const lit: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => void lit.push(args.join(' ')));
    let value = 0;
    for (let s = 1; value < 100; s++) {
      value = Math.min(100, value + (s < 40 ? 0.4 : s < 100 ? 0.8 : 0.6));
      el.value = value;
      await vi.advanceTimersByTimeAsync(1000);
    }
    el.busy = false;
    await vi.advanceTimersByTimeAsync(500);
    warn.mockRestore();
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
    expect(said[0]).toBe('Uploading video');
    expect(said.at(-1)).toBe('Uploading video — done.');
    // A two-and-a-half-minute upload: a handful of announcements, not one a second.
    expect(said.length).toBeGreaterThanOrEqual(4);
    expect(said.length).toBeLessThanOrEqual(6);
    // The estimate re-renders outside Lit's update cycle (no "change-in-update" warnings).
    expect(lit.filter((w) => w.includes('scheduled an update'))).toEqual([]);
  });

  it('fills from the inline start in right-to-left pages', async () => {
    const el = (await mount(busyMarkup(busyStates['Right to left']!))).querySelector('tp-busy')!;
    await bar(el).updateComplete;
    const track = bar(el).shadowRoot!.querySelector('[part=track]')!.getBoundingClientRect();
    const fill = bar(el).shadowRoot!.querySelector('[part=indicator]')!.getBoundingClientRect();
    expect(fill.right).toBeCloseTo(track.right, 0);
    expect(fill.width).toBeCloseTo(track.width / 4, 0);
  });

  it('under prefers-reduced-motion nothing moves: the indeterminate band stands still', async () => {
    const el = (await mount(busyMarkup(busyStates['Waiting (indeterminate)']!))).querySelector('tp-busy')!;
    await bar(el).updateComplete;
    const moving = () =>
      [part(el, 'status'), bar(el).shadowRoot!.querySelector('[part=indicator]')!].map((node) => getComputedStyle(node).animationName);
    expect(moving()).toEqual(['none', 'slide']);
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    expect(moving()).toEqual(['none', 'none']);
  });
});
