import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/busy/define.js';
import '../../src/progress-bar/define.js';
import '../../src/reply-promise/define.js';
import '../../src/steps/define.js';
import '../../src/toggletip/define.js';
import '../../src/tooltip/define.js';
import type { TpElement } from '../../src/core/element.js';
import { axeViolations } from '../support/axe.js';
import { languagesMarkup } from '../../stories/languages.states.js';

// Every component on a Hebrew right-to-left page (the Right to left story): directions, not words.
async function mount(dir: 'ltr' | 'rtl'): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = languagesMarkup('he', dir);
  document.body.append(host);
  for (const el of host.querySelectorAll<TpElement>('tp-steps, tp-busy, tp-reply-promise, tp-progress-bar, tp-toggletip, tp-tooltip')) await el.updateComplete;
  await (host.querySelector('tp-busy')!.shadowRoot!.querySelector('tp-progress-bar') as TpElement).updateComplete;
  return host;
}

const inside = (root: Element, selector: string) => root.shadowRoot!.querySelector<HTMLElement>(selector)!;
const rect = (el: Element) => el.getBoundingClientRect();

/** Where the filled part of a bar sits in its track: 'start-left' in LTR, 'start-right' in RTL. */
async function fillSide(bar: Element): Promise<string> {
  // The fill grows from empty with a short transition: measure where it ends.
  await Promise.all(inside(bar, '[part=indicator]').getAnimations().map((a) => a.finished));
  const track = rect(inside(bar, '[part=track]'));
  const fill = rect(inside(bar, '[part=indicator]'));
  expect(fill.width).toBeGreaterThan(0);
  expect(fill.width).toBeLessThan(track.width);
  if (Math.abs(fill.right - track.right) < 1 && fill.left > track.left + 1) return 'right';
  if (Math.abs(fill.left - track.left) < 1 && fill.right < track.right - 1) return 'left';
  return `neither (${fill.left}–${fill.right} in ${track.left}–${track.right})`;
}

afterEach(() => document.body.replaceChildren());

describe('right to left (dir="rtl", lang="he")', () => {
  it('the bar fills from the right; left to right it fills from the left', async () => {
    let host = await mount('rtl');
    expect(await fillSide(host.querySelector('tp-progress-bar')!)).toBe('right');
    document.body.replaceChildren();
    host = await mount('ltr');
    expect(await fillSide(host.querySelector('tp-progress-bar')!)).toBe('left');
  });

  it('steps run from right to left', async () => {
    const host = await mount('rtl');
    const items = [...host.querySelector('tp-steps')!.shadowRoot!.querySelectorAll('li')].map(rect);
    expect(items).toHaveLength(4);
    for (let i = 1; i < items.length; i++) {
      // Either a row running leftwards or a column; never a row running rightwards.
      if (Math.abs(items[i]!.top - items[0]!.top) < 1) expect(items[i]!.right).toBeLessThan(items[i - 1]!.right);
      else expect(items[i]!.top).toBeGreaterThan(items[i - 1]!.top);
    }
  });

  it('popovers and sentences follow the page’s direction', async () => {
    const host = await mount('rtl');
    await userEvent.click(inside(host.querySelector('tp-toggletip')!, 'button'));
    const toggletip = inside(host.querySelector('tp-toggletip')!, '[part=body]');
    expect(toggletip.matches(':popover-open')).toBe(true);
    expect(getComputedStyle(toggletip).direction).toBe('rtl');
    await userEvent.keyboard('{Escape}');
    host.querySelector<HTMLButtonElement>('#lang-archive')!.focus();
    const tooltip = inside(host.querySelector('tp-tooltip')!, '[part=body]');
    await expect.poll(() => tooltip.matches(':popover-open')).toBe(true);
    expect(getComputedStyle(tooltip).direction).toBe('rtl');
    expect(getComputedStyle(inside(host.querySelector('tp-reply-promise')!, '[part=promise]')).direction).toBe('rtl');
    expect(await axeViolations(host)).toEqual([]);
  });
});
