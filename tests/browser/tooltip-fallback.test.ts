// The script fallback for browsers without CSS anchor positioning, run in Chromium by hiding
// `position-area` from feature detection (this file runs in its own frame, so only it is affected).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../src/tooltip/define.js';
import type { TpTooltip } from '../../src/tooltip/tooltip.js';
import { expectPlaced } from '../support/placement.js';

beforeAll(() => {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = ((...args: [string, string?]) =>
    String(args[0]).startsWith('position-area') ? false : supports(...(args as [string, string]))) as typeof CSS.supports;
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

const body = (t: TpTooltip) => t.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
const rect = (el: Element) => el.getBoundingClientRect();
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const near = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThan(1.5);

async function placed(x: number, y: number, attributes: string, text = 'Short'): Promise<[HTMLButtonElement, TpTooltip]> {
  const host = document.createElement('div');
  host.innerHTML = `<button type="button" id="t">A wide trigger label</button><tp-tooltip for="t" ${attributes} open>${text}</tp-tooltip>`;
  Object.assign(host.style, { position: 'fixed', left: `${x}px`, top: `${y}px` });
  document.body.append(host);
  const t = host.querySelector('tp-tooltip')!;
  await t.updateComplete;
  await frame();
  return [host.querySelector('button')!, t];
}

describe('<tp-tooltip> without CSS anchor positioning', () => {
  it('is placed by script: not by position-area', async () => {
    const [, t] = await placed(150, 400, 'placement="top"');
    expect(body(t).style.getPropertyValue('position-area')).toBe('');
    expect(body(t).style.left).toMatch(/px$/);
  });

  it.each(['top', 'top-start', 'top-end', 'bottom', 'left', 'left-start', 'right', 'right-end'])('placement "%s"', async (placement) => {
    const [trigger, t] = await placed(150, 400, `placement="${placement}"`);
    const a = rect(trigger);
    const b = rect(body(t));
    expectPlaced(a, b, placement);
  });

  it('mirrors start and end in right-to-left', async () => {
    document.documentElement.dir = 'rtl';
    const [trigger, t] = await placed(150, 400, 'placement="bottom-start"');
    near(rect(body(t)).right, rect(trigger).right);
  });

  it('flips to the side with room, and shifts back into the viewport', async () => {
    const [trigger, t] = await placed(innerWidth - 60, 2, 'placement="top"', 'A tooltip long enough to need shifting back');
    const b = rect(body(t));
    near(b.top, rect(trigger).bottom + 8);
    expect(b.right).toBeLessThanOrEqual(document.documentElement.clientWidth - 8 + 0.5);
    expect(b.left).toBeGreaterThanOrEqual(0);
  });

  it('follows scrolling, and points its arrow at the trigger after shifting', async () => {
    const [trigger, t] = await placed(4, 300, 'placement="bottom" arrow', 'A tooltip much wider than its trigger');
    const arrow = t.shadowRoot!.querySelector('[part=arrow]')!;
    near((rect(arrow).left + rect(arrow).right) / 2, (rect(trigger).left + rect(trigger).right) / 2);
    // Move the trigger as scrolling would, then scroll: the bubble follows.
    trigger.parentElement!.style.top = '250px';
    window.dispatchEvent(new Event('scroll'));
    await frame();
    near(rect(body(t)).top, rect(trigger).bottom + 8);
  });
});
