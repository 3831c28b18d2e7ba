// <tp-tooltip> in real Chromium: every WCAG 1.4.13 rule (hoverable, dismissible, persistent) with a
// controllable clock, keyboard and touch, the top layer out of clipping boxes, placement, motion,
// colours and axe over every story state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import '../../src/tooltip/define.js';
import '../../src/toggletip/define.js';
import type { TpTooltip } from '../../src/tooltip/tooltip.js';
import { PLACEMENTS } from '../../src/core/position.js';
import type { TelemetryDetail } from '../../src/core/telemetry-event.js';
import { mountMarkup, tooltipMarkup, tooltipStates } from '../../stories/tooltip.states.js';
import { axeViolations } from '../support/axe.js';
import { emulateMedia, resetMedia } from '../support/media.js';
import { expectPlaced } from '../support/placement.js';

/** Every tooltip under `root`, through open shadow roots. */
function tooltipsIn(root: ParentNode): TpTooltip[] {
  const found: TpTooltip[] = [...root.querySelectorAll('tp-tooltip')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...tooltipsIn(el.shadowRoot));
  return found;
}

async function mount(markup: string): Promise<HTMLElement> {
  const host = mountMarkup(markup);
  await Promise.all(tooltipsIn(host).map((t) => t.updateComplete));
  return host;
}

const body = (t: TpTooltip) => t.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
const isShown = (t: TpTooltip) => body(t).matches(':popover-open');
const rect = (el: Element) => el.getBoundingClientRect();
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** A sibling tooltip on a button placed at (x, y) in the viewport. */
async function placed(x: number, y: number, attributes = '', label = 'Trigger', text = 'A tooltip of a sensible length'): Promise<[HTMLButtonElement, TpTooltip]> {
  const host = await mount(`<button type="button" id="t">${label}</button><tp-tooltip for="t" ${attributes}>${text}</tp-tooltip>`);
  Object.assign(host.style, { position: 'fixed', left: `${x}px`, top: `${y}px` });
  return [host.querySelector('button')!, host.querySelector('tp-tooltip')!];
}

/** Rendered, placed and done fading in. */
async function settle(t: TpTooltip): Promise<void> {
  await t.updateComplete;
  await frame();
  await Promise.all(body(t).getAnimations().map((a) => a.finished));
}

/** Moves a real (CDP) pointer far from everything. */
async function pointerAway(): Promise<void> {
  await userEvent.hover(document.querySelector('#away')!);
}

beforeEach(async () => {
  // A place to park the pointer, away from every trigger: a trigger drawn under a resting pointer
  // is hovered, as it should be.
  const away = document.createElement('div');
  away.id = 'away';
  Object.assign(away.style, { position: 'fixed', right: '0', bottom: '0', width: '20px', height: '20px' });
  document.documentElement.append(away);
  await pointerAway();
});

afterEach(async () => {
  vi.useRealTimers();
  document.body.replaceChildren();
  document.querySelector('#away')?.remove();
  document.documentElement.removeAttribute('dir');
  await resetMedia();
  await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: false });
});

describe('<tp-tooltip>: WCAG 1.4.13 in Chromium', () => {
  const timers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });

  it('shows on hover after show-delay, and is still shown 10 s later (persistent)', async () => {
    const [trigger, t] = await placed(100, 200);
    timers();
    await userEvent.hover(trigger);
    vi.advanceTimersByTime(149);
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    vi.advanceTimersByTime(1);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    vi.advanceTimersByTime(10_000);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    expect(t.open).toBe(true);
  });

  it('stays shown while the pointer moves onto the bubble, across the gap (hoverable)', async () => {
    const [trigger, t] = await placed(100, 200, 'placement="top"');
    timers();
    await userEvent.hover(trigger);
    vi.advanceTimersByTime(150);
    await settle(t);
    const bubble = rect(body(t));
    expect(bubble.bottom).toBeLessThan(rect(trigger).top);
    // The gap between trigger and bubble, then the bubble itself.
    await userEvent.hover(body(t), { position: { x: bubble.width / 2, y: bubble.height + 4 } });
    vi.advanceTimersByTime(1_000);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    await userEvent.hover(body(t));
    vi.advanceTimersByTime(10_000);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    // Leaving both: hidden after hide-delay.
    await pointerAway();
    vi.advanceTimersByTime(99);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    vi.advanceTimersByTime(1);
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
  });

  it('Escape hides it without moving focus, and it stays hidden while the pointer rests (dismissible)', async () => {
    const host = await mount('<button type="button" id="other">Other</button>');
    const [trigger, t] = await placed(100, 200);
    host.querySelector<HTMLButtonElement>('#other')!.focus();
    timers();
    await userEvent.hover(trigger);
    vi.advanceTimersByTime(150);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(document.activeElement?.id).toBe('other');
    vi.advanceTimersByTime(10_000);
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
  });

  it('shows at once on keyboard focus and hides on blur', async () => {
    await mount('<button type="button" id="before">Before</button>');
    const [trigger, t] = await placed(100, 200);
    await mount('<button type="button" id="after">After</button>');
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(trigger);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    await userEvent.tab();
    expect(document.activeElement?.id).toBe('after');
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
  });

  it('does not show on a mouse click’s focus alone (no :focus-visible)', async () => {
    const [trigger, t] = await placed(100, 200, 'show-delay="10000"');
    await userEvent.click(trigger);
    await t.updateComplete;
    expect(document.activeElement).toBe(trigger);
    expect(isShown(t)).toBe(false);
  });

  it('Escape closes only the topmost layer: the tooltip over an open toggletip first', async () => {
    const host = await mount('<tp-toggletip label="About refunds">Refunds take 5 days. <a href="#x">Policy</a></tp-toggletip>');
    const toggletip = host.querySelector('tp-toggletip')!;
    const [trigger, t] = await placed(100, 300);
    await userEvent.click(toggletip.shadowRoot!.querySelector('button')!);
    await toggletip.updateComplete;
    expect(toggletip.open).toBe(true);
    timers();
    await userEvent.hover(trigger);
    vi.advanceTimersByTime(150);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(toggletip.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    await toggletip.updateComplete;
    expect(toggletip.open).toBe(false);
  });

  it('Escape in a modal dialog closes the tooltip, not the dialog', async () => {
    const host = await mount('<dialog><tp-tooltip content="Keeps your changes"><button type="button">Keep</button></tp-tooltip></dialog>');
    const dialog = host.querySelector('dialog')!;
    dialog.showModal();
    const t = host.querySelector('tp-tooltip')!;
    // showModal focuses the button without :focus-visible; the keyboard path is Tab.
    await userEvent.tab();
    await userEvent.tab({ shift: true });
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    // The tooltip is in the top layer above the modal dialog.
    const b = rect(body(t));
    expect(t.shadowRoot!.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)).toBe(body(t));
    await userEvent.keyboard('{Escape}');
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(dialog.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
  });

  it('cancelable tp-show and tp-hide, then tp-after-show and tp-after-hide', async () => {
    const [, t] = await placed(100, 200);
    const seen: string[] = [];
    for (const type of ['tp-show', 'tp-after-show', 'tp-hide', 'tp-after-hide'] as const) t.addEventListener(type, () => seen.push(type));
    const veto = (e: Event) => e.preventDefault();
    t.addEventListener('tp-show', veto, { once: true });
    t.show();
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(t.hasAttribute('open')).toBe(false);
    t.show();
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    t.addEventListener('tp-hide', veto, { once: true });
    t.hide();
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    t.removeAttribute('open');
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(seen).toEqual(['tp-show', 'tp-show', 'tp-after-show', 'tp-hide', 'tp-hide', 'tp-after-hide']);
  });
});

describe('<tp-tooltip> on touch screens', () => {
  /** Touch at the centre of `el` (CDP speaks top-level page pixels; the test frame may be scaled). */
  async function touch(type: 'touchStart' | 'touchEnd', el: Element): Promise<void> {
    const outer = (window.frameElement as HTMLElement | null)?.getBoundingClientRect();
    const scale = outer ? outer.width / innerWidth : 1;
    const r = rect(el);
    const x = (outer?.left ?? 0) + (r.left + r.width / 2) * scale;
    const y = (outer?.top ?? 0) + (r.top + r.height / 2) * scale;
    await cdp().send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  }

  it('long-press shows it (via touch), a tap elsewhere hides it, and a tap on the trigger still clicks', async () => {
    await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const [trigger, t] = await placed(100, 200, 'show-delay="0"');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clicks: string[] = [];
    trigger.addEventListener('click', () => clicks.push('click'));
    const events: string[] = [];
    document.addEventListener('tp-telemetry', (e) => {
      const { name, props } = (e as CustomEvent<TelemetryDetail>).detail;
      events.push(`${name}:${props.via ?? ''}`);
    });

    // A tap: the trigger's own click, no tooltip (touch has no hover).
    await touch('touchStart', trigger);
    await touch('touchEnd', trigger);
    await frame();
    await t.updateComplete;
    expect(clicks).toEqual(['click']);
    expect(isShown(t)).toBe(false);

    // A long-press.
    await touch('touchStart', trigger);
    vi.advanceTimersByTime(499);
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    vi.advanceTimersByTime(1);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);
    await touch('touchEnd', trigger);
    await t.updateComplete;
    expect(isShown(t)).toBe(true);

    // A tap elsewhere.
    await touch('touchStart', document.querySelector('#away')!);
    await touch('touchEnd', document.querySelector('#away')!);
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    expect(events[0]).toBe('tp.tooltip.shown:touch');
  });
});

describe('<tp-tooltip> in the top layer', () => {
  it('inside overflow: hidden and contain: paint, it is fully on screen and the element hit at its centre', async () => {
    const host = await mount(tooltipMarkup(tooltipStates['Inside overflow hidden and contain paint']!));
    host.style.marginTop = '200px';
    const t = tooltipsIn(host)[0]!;
    await settle(t);
    const b = rect(body(t));
    const box = rect(host.querySelector('.tt-clip')!);
    // Bigger than the box that would clip it, and still whole.
    expect(b.width).toBeGreaterThan(0);
    expect(b.top).toBeLessThan(box.top);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    expect(b.bottom).toBeLessThanOrEqual(document.documentElement.clientHeight);
    const [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
    expect(document.elementFromPoint(x, y)).toBe(t);
    expect(t.shadowRoot!.elementFromPoint(x, y)).toBe(body(t));
  });

  it.each(PLACEMENTS)('placement "%s" puts the bubble on that side, aligned, 8 px away', async (placement) => {
    const [trigger, t] = await placed(150, 400, `placement="${placement}" open`, 'A wide trigger label', 'Short');
    await settle(t);
    const a = rect(trigger);
    const b = rect(body(t));
    expectPlaced(a, b, placement);
  });

  it('start and end follow the text direction: right-aligned in right-to-left', async () => {
    document.documentElement.dir = 'rtl';
    const [trigger, t] = await placed(150, 400, 'placement="bottom-start" open', 'A wide trigger label', 'Short');
    await settle(t);
    expect(Math.abs(rect(body(t)).right - rect(trigger).right)).toBeLessThan(1.5);
    t.placement = 'bottom-end';
    await settle(t);
    expect(Math.abs(rect(body(t)).left - rect(trigger).left)).toBeLessThan(1.5);
  });

  it('flips at the viewport edge and shifts back inside it', async () => {
    const [trigger, t] = await placed(innerWidth - 60, 2, 'placement="top" open', 'Edge', 'A tooltip long enough to need shifting back');
    await settle(t);
    const b = rect(body(t));
    expect(b.top).toBeGreaterThanOrEqual(rect(trigger).bottom);
    expect(b.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    expect(b.left).toBeGreaterThanOrEqual(0);
  });

  it('follows its trigger when a scroll container scrolls', async () => {
    const host = await mount(
      '<div class="scroller"><div class="pad"></div><button type="button" id="s">In a scroller</button><tp-tooltip for="s" placement="right" open>Scrolls along</tp-tooltip><div class="pad"></div></div>',
    );
    const scroller = host.querySelector<HTMLElement>('.scroller')!;
    Object.assign(scroller.style, { height: '200px', overflow: 'auto' });
    for (const pad of host.querySelectorAll<HTMLElement>('.pad')) pad.style.height = '300px';
    const trigger = host.querySelector('button')!;
    const t = host.querySelector('tp-tooltip')!;
    trigger.scrollIntoView({ block: 'center' });
    await settle(t);
    const before = rect(body(t)).top - rect(trigger).top;
    scroller.scrollTop += 40;
    await frame();
    expect(rect(body(t)).top - rect(trigger).top).toBeCloseTo(before, 0);
  });

  it('points its arrow at the trigger’s centre, after shifting and after the trigger moved', async () => {
    // placed() opens the tooltip, then moves the trigger by layout (no scroll, no resize).
    const [trigger, t] = await placed(16, 300, 'placement="bottom" arrow open', 'i', 'A tooltip much wider than its tiny trigger');
    await settle(t);
    const arrow = t.shadowRoot!.querySelector('[part=arrow]')!;
    const a = rect(trigger);
    const r = rect(arrow);
    expect(Math.abs((r.left + r.right) / 2 - (a.left + a.right) / 2)).toBeLessThan(1.5);
    // The arrow pokes out of the bubble's top edge, towards the trigger.
    expect(r.top).toBeLessThan(rect(body(t)).top);
    expect(r.top).toBeGreaterThanOrEqual(a.bottom);
  });
});

describe('<tp-tooltip> motion and colour', () => {
  const motion = (t: TpTooltip) => {
    const style = getComputedStyle(body(t));
    return { transition: parseFloat(style.transitionDuration), animation: style.animationName };
  };

  it('appears without animation — within the 150 ms limit and nothing to reduce — whatever the motion settings', async () => {
    const [, t] = await placed(100, 200, 'open');
    expect(body(t).getAnimations()).toEqual([]);
    expect(motion(t)).toEqual({ transition: 0, animation: 'none' });
    document.body.style.setProperty('--tp-motion-duration', '1s');
    await emulateMedia({ 'prefers-reduced-motion': 'reduce' });
    expect(motion(t)).toEqual({ transition: 0, animation: 'none' });
    document.body.style.removeProperty('--tp-motion-duration');
  });

  it('keeps an outline in forced-colors mode', async () => {
    const [, t] = await placed(100, 200, 'open');
    await emulateMedia({ 'forced-colors': 'active' });
    const style = getComputedStyle(body(t));
    expect(style.borderTopStyle).toBe('solid');
    expect(style.borderTopColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.borderTopColor).not.toBe(style.backgroundColor);
  });

  it('follows the page’s colour scheme', async () => {
    const [, t] = await placed(100, 200, 'open');
    const light = getComputedStyle(body(t)).backgroundColor;
    document.body.style.colorScheme = 'dark';
    expect(getComputedStyle(body(t)).backgroundColor).not.toBe(light);
    document.body.style.colorScheme = '';
  });
});

describe('<tp-tooltip> states', () => {
  it.each(Object.entries(tooltipStates))('state "%s" has no axe violations', async (_name, state) => {
    const host = await mount(tooltipMarkup(state));
    for (const t of tooltipsIn(host)) await settle(t);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('renders hostile text as text, and bad attributes never throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = await mount(tooltipMarkup(tooltipStates['Hostile text renders as text']!));
    const t = tooltipsIn(host)[0]!;
    t.show();
    await settle(t);
    expect(body(t).querySelector('img, b')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    for (const [name, value] of [
      ['for', 'nobody'],
      ['placement', 'diagonal'],
      ['show-delay', 'soon'],
      ['hide-delay', '-1'],
      ['content', ''],
    ]) {
      t.setAttribute(name!, value!);
      await settle(t);
    }
    t.hide();
    await t.updateComplete;
    expect(isShown(t)).toBe(false);
    warn.mockRestore();
  });
});
