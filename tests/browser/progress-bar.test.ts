import { afterEach, describe, expect, it } from 'vitest';
import '../../src/progress-bar/define.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { progressBarMarkup, progressBarStates } from '../../stories/progress-bar.states.js';

async function mount(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('tp-progress-bar')].map((el) => (el as TpProgressBar).updateComplete));
  return host;
}

const indicator = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=indicator]')!;
const track = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=track]')!;

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
  await resetMedia();
});

describe('<tp-progress-bar> in Chromium', () => {
  it.each(Object.entries(progressBarStates))('state "%s" has no axe violations', async (_name, state) => {
    const host = await mount(progressBarMarkup(state));
    expect(await axeViolations(host)).toEqual([]);
  });

  it('fills from the inline start in left-to-right and right-to-left pages', async () => {
    const ltr = (await mount('<tp-progress-bar label="Upload" value="25"></tp-progress-bar>')).firstElementChild!;
    let t = track(ltr).getBoundingClientRect();
    let i = indicator(ltr).getBoundingClientRect();
    expect(i.left).toBeCloseTo(t.left, 0);
    expect(i.width).toBeCloseTo(t.width / 4, 0);

    document.documentElement.dir = 'rtl';
    await new Promise(requestAnimationFrame);
    t = track(ltr).getBoundingClientRect();
    i = indicator(ltr).getBoundingClientRect();
    expect(i.right).toBeCloseTo(t.right, 0);
    expect(i.width).toBeCloseTo(t.width / 4, 0);
  });

  it('animates while indeterminate, and stops all motion under prefers-reduced-motion', async () => {
    const el = (await mount('<tp-progress-bar label="Preparing"></tp-progress-bar>')).firstElementChild!;
    expect(getComputedStyle(indicator(el)).animationName).toBe('slide');
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    const style = getComputedStyle(indicator(el));
    expect(style.animationName).toBe('none');
    expect(style.transitionProperty === 'none' || style.transitionDuration === '0s').toBe(true);
    // Still visibly "in progress": a full-width striped band, not a made-up amount.
    expect(indicator(el).getBoundingClientRect().width).toBeCloseTo(track(el).getBoundingClientRect().width, 0);
    expect(style.backgroundImage).toContain('repeating-linear-gradient');
  });

  it('keeps the indicator visible in forced-colors mode, in system colours', async () => {
    const host = await mount(
      '<tp-progress-bar label="Upload" value="50"></tp-progress-bar><tp-progress-bar label="Preparing"></tp-progress-bar>',
    );
    const [bar, busy] = [...host.children];
    await emulateMedia({ 'forced-colors': 'active', 'prefers-reduced-motion': 'reduce' });
    const probe = document.createElement('div');
    probe.style.color = 'Highlight';
    document.body.append(probe);
    const highlight = getComputedStyle(probe).color;
    const fill = getComputedStyle(indicator(bar!)).backgroundColor;
    const groove = getComputedStyle(track(bar!));
    expect(fill).toBe(highlight);
    expect(fill).not.toBe(groove.backgroundColor);
    expect(groove.borderTopStyle).toBe('solid');
    // The still stripes of an indeterminate bar use the system colour too, not the page's accent.
    expect(getComputedStyle(indicator(busy!)).backgroundImage).toContain(highlight);
  });

  it('switches to dark colours when the page uses a dark colour scheme', async () => {
    const host = await mount('<tp-progress-bar label="Upload" value="50"></tp-progress-bar>');
    const light = getComputedStyle(indicator(host.firstElementChild!)).backgroundColor;
    host.style.colorScheme = 'dark';
    const dark = getComputedStyle(indicator(host.firstElementChild!)).backgroundColor;
    expect(dark).not.toBe(light);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('takes the author’s aria-label over its own label, through ElementInternals', async () => {
    const el = (await mount('<tp-progress-bar aria-label="Sending report" value="5"></tp-progress-bar>'))
      .firstElementChild!;
    // The host keeps only the author's attributes: role and values live on ElementInternals.
    expect(el.getAttributeNames().sort()).toEqual(['aria-label', 'value']);
    expect(await axeViolations(el.parentElement!)).toEqual([]);
  });
});
