import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/tooltip/define.js';
import type { TpTooltip } from '../../src/tooltip/tooltip.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';

let unique = 0;
/** Ids unique per test: dev warnings are printed once per distinct message. */
const uid = (name: string) => `${name}-${++unique}`;

async function mount(markup: string, parent: ParentNode = document.body): Promise<TpTooltip> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  parent.append(host);
  const tooltip = host.querySelector('tp-tooltip')!;
  await tooltip.updateComplete;
  return tooltip;
}

const body = (t: TpTooltip) => t.shadowRoot!.querySelector<HTMLElement>('[part=body]')!;
const pointer = (target: EventTarget, type: string, pointerType = 'mouse') =>
  target.dispatchEvent(new PointerEvent(type, { pointerType, bubbles: type === 'pointerdown', composed: true, cancelable: true }));
const escape = () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

let warnings: ReturnType<typeof vi.spyOn>;
const warned = () => warnings.mock.calls.flat().join('\n');
let telemetry: TelemetryDetail[];
const record = (e: Event) => telemetry.push((e as CustomEvent<TelemetryDetail>).detail);

beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(() => {
  telemetry = [];
  document.addEventListener('tp-telemetry', record);
});
afterEach(() => {
  vi.useRealTimers();
  document.removeEventListener('tp-telemetry', record);
  document.body.replaceChildren();
  warnings.mockClear();
  takePreHubEvents();
});

describe('<tp-tooltip> gives its text to the trigger', () => {
  it('as aria-description of a sibling named by for, whitespace collapsed', async () => {
    const t = await mount('<button id="save">Save</button><tp-tooltip for="save">  Saves a\n  draft </tp-tooltip>');
    expect(document.getElementById('save')!.getAttribute('aria-description')).toBe('Saves a draft');
    expect(t.hasAttribute('open')).toBe(false);
  });

  it('as aria-description of a wrapped trigger, from the content attribute or a content slot', async () => {
    const attr = await mount('<tp-tooltip content="Sends it"><button>Send</button></tp-tooltip>');
    expect(attr.querySelector('button')!.getAttribute('aria-description')).toBe('Sends it');
    const slot = await mount('<tp-tooltip content="ignored"><button>Copy</button><span slot="content">Copies <b>the</b> link</span></tp-tooltip>');
    expect(slot.querySelector('button')!.getAttribute('aria-description')).toBe('Copies the link');
  });

  it('as aria-label with as-label, and switches attributes when as-label changes', async () => {
    const t = await mount('<tp-tooltip content="Settings" as-label><button><svg aria-hidden="true"></svg></button></tp-tooltip>');
    const button = t.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Settings');
    expect(button.hasAttribute('aria-description')).toBe(false);
    t.asLabel = false;
    await t.updateComplete;
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(button.getAttribute('aria-description')).toBe('Settings');
  });

  it('follows text changes and a new trigger, and gives the author’s own value back', async () => {
    const t = await mount(
      '<button id="a" aria-description="Author’s own">A</button><button id="b">B</button><tp-tooltip for="a" content="First"></tp-tooltip>',
    );
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    expect(a.getAttribute('aria-description')).toBe('First');
    t.content = 'Second';
    await t.updateComplete;
    expect(a.getAttribute('aria-description')).toBe('Second');
    t.for = 'b';
    await t.updateComplete;
    expect(a.getAttribute('aria-description')).toBe('Author’s own');
    expect(b.getAttribute('aria-description')).toBe('Second');
    t.remove();
    expect(b.hasAttribute('aria-description')).toBe(false);
  });

  it('finds a trigger named by for inside the same shadow root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button id="inner">Remove</button><tp-tooltip for="inner">Removes it</tp-tooltip>';
    const t = root.querySelector('tp-tooltip')!;
    await t.updateComplete;
    expect(root.getElementById('inner')!.getAttribute('aria-description')).toBe('Removes it');
  });

  it('renders markup in content as text and keeps hostile strings literal', async () => {
    const hostile = '<img src=x onerror="window.hacked=1"><script>alert(1)</script>';
    const t = await mount(`<tp-tooltip><button>Go</button></tp-tooltip>`);
    t.content = hostile;
    await t.updateComplete;
    expect(body(t).querySelector('img, script')).toBeNull();
    expect(body(t).textContent).toContain(hostile);
    expect(t.querySelector('button')!.getAttribute('aria-description')).toBe(hostile);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });
});

describe('<tp-tooltip> with bad input never throws', () => {
  it.each([
    ['for names no element', () => `<tp-tooltip id="${uid('t')}" for="missing">Text</tp-tooltip>`, 'for="missing" names no element'],
    ['no trigger to wrap', () => `<tp-tooltip id="${uid('t')}" content="Text"></tp-tooltip>`, 'wraps no element'],
    ['empty content', () => `<tp-tooltip id="${uid('t')}" content="   "><button>Go</button></tp-tooltip>`, 'has no text'],
    ['a link slotted in (for)', () => `<button id="x1">X</button><tp-tooltip id="${uid('t')}" for="x1">See <a href="#">this</a></tp-tooltip>`, 'use <tp-toggletip>'],
    ['a button in the content slot', () => `<tp-tooltip id="${uid('t')}"><button>X</button><span slot="content">Text <button>no</button></span></tp-tooltip>`, 'use <tp-toggletip>'],
    ['a trigger with its own describedby', () => `<p id="d">Own</p><tp-tooltip id="${uid('t')}" content="Text"><button aria-describedby="d">X</button></tp-tooltip>`, 'aria-describedby'],
    ['a trigger keyboard users cannot reach', () => `<tp-tooltip id="${uid('t')}" content="Text"><span>Hover me</span></tp-tooltip>`, 'cannot take keyboard focus'],
    ['a bad show-delay', () => `<tp-tooltip id="${uid('t')}" content="Text" show-delay="soon"><button>X</button></tp-tooltip>`, 'show-delay="soon" is not accepted (expected milliseconds from 0 to 10000); using 150'],
    ['a negative hide-delay', () => `<tp-tooltip id="${uid('t')}" content="Text" hide-delay="-5"><button>X</button></tp-tooltip>`, 'hide-delay="-5" is not accepted (expected milliseconds from 0 to 10000); using 100'],
    ['a huge show-delay', () => `<tp-tooltip id="${uid('t')}" content="Text" show-delay="1e12"><button>X</button></tp-tooltip>`, 'show-delay="1e12"'],
  ])('%s: a dev warning naming the element', async (_case, markup, warning) => {
    const t = await mount(markup());
    // Exercise the delays too: hover, leave.
    const trigger = t.querySelector('button') ?? t;
    vi.useFakeTimers();
    pointer(trigger, 'pointerenter');
    pointer(trigger, 'pointerleave');
    vi.runAllTimers();
    await t.updateComplete;
    expect(warned()).toContain(`<tp-tooltip#${t.id}>`);
    expect(warned()).toContain(warning);
  });

  it('a bad placement falls back to top when shown', async () => {
    const t = await mount(`<tp-tooltip id="${uid('t')}" placement="diagonal" content="Text" open><button>X</button></tp-tooltip>`);
    expect(warned()).toContain('placement="diagonal" is not accepted (expected top, top-start');
    expect(t.open).toBe(true);
  });

  it('survives nonsense property values set from script', async () => {
    const t = await mount('<tp-tooltip><button>X</button></tp-tooltip>');
    for (const value of [undefined, null, {}, [], 42, NaN, true, '<b>x</b>']) {
      Object.assign(t, { content: value, placement: value, showDelay: value, hideDelay: value, for: value });
      await t.updateComplete;
    }
    t.for = '';
    t.content = 'Fine again';
    await t.updateComplete;
    expect(t.querySelector('button')!.getAttribute('aria-description')).toBe('Fine again');
  });

  it('is quiet when used well', async () => {
    await mount('<button id="ok">OK</button><tp-tooltip for="ok">Confirms</tp-tooltip>');
    expect(warnings).not.toHaveBeenCalled();
  });
});

describe('<tp-tooltip> opening and closing', () => {
  it('show(), hide() and the open attribute fire cancelable tp-show/tp-hide and the after events', async () => {
    const t = await mount('<tp-tooltip content="Text"><button>X</button></tp-tooltip>');
    const seen: string[] = [];
    for (const type of ['tp-show', 'tp-after-show', 'tp-hide', 'tp-after-hide']) t.addEventListener(type, (e) => seen.push(`${type}${(e as CustomEvent).cancelable ? '?' : ''}`));
    t.addEventListener('tp-show', (e) => e.preventDefault(), { once: true });
    t.show();
    await t.updateComplete;
    expect(t.open).toBe(false);
    t.setAttribute('open', '');
    await t.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(t.open).toBe(true);
    t.hide();
    await t.updateComplete;
    expect(t.hasAttribute('open')).toBe(false);
    expect(seen).toEqual(['tp-show?', 'tp-show?', 'tp-after-show', 'tp-hide?', 'tp-after-hide']);
  });

  it('shows after show-delay on hover, cancels a pending hide when the pointer reaches the bubble, hides after hide-delay', async () => {
    const t = await mount('<tp-tooltip content="Text" show-delay="300" hide-delay="200"><button>X</button></tp-tooltip>');
    const trigger = t.querySelector('button')!;
    vi.useFakeTimers();
    pointer(trigger, 'pointerenter');
    vi.advanceTimersByTime(299);
    expect(t.open).toBe(false);
    vi.advanceTimersByTime(1);
    expect(t.open).toBe(true);
    await t.updateComplete;
    pointer(trigger, 'pointerleave');
    pointer(body(t), 'pointerenter');
    vi.advanceTimersByTime(60_000);
    expect(t.open).toBe(true);
    pointer(body(t), 'pointerleave');
    vi.advanceTimersByTime(199);
    expect(t.open).toBe(true);
    vi.advanceTimersByTime(1);
    expect(t.open).toBe(false);
  });

  it('ignores touch "hover", and opens on a long-press instead', async () => {
    const t = await mount('<tp-tooltip content="Text" show-delay="0"><button>X</button></tp-tooltip>');
    const trigger = t.querySelector('button')!;
    vi.useFakeTimers();
    pointer(trigger, 'pointerenter', 'touch');
    pointer(trigger, 'pointerdown', 'touch');
    vi.advanceTimersByTime(300);
    pointer(trigger, 'pointerup', 'touch');
    vi.advanceTimersByTime(1_000);
    expect(t.open).toBe(false);
    pointer(trigger, 'pointerdown', 'touch');
    vi.advanceTimersByTime(500);
    expect(t.open).toBe(true);
  });

  it('takes the long-press from the context menu while a touch is down', async () => {
    const t = await mount('<tp-tooltip content="Text"><button>X</button></tp-tooltip>');
    const trigger = t.querySelector('button')!;
    const idle = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    trigger.dispatchEvent(idle);
    expect(idle.defaultPrevented).toBe(false);
    // As in a browser: a touch enters the trigger, then presses.
    pointer(trigger, 'pointerenter', 'touch');
    pointer(trigger, 'pointerdown', 'touch');
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    trigger.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    expect(t.open).toBe(true);
    pointer(trigger, 'pointercancel', 'touch');
  });

  it('hides on a pointer down outside, not on one on the trigger or the bubble', async () => {
    const t = await mount('<tp-tooltip content="Text" open><button>X</button></tp-tooltip><p>Elsewhere</p>');
    pointer(t.querySelector('button')!, 'pointerdown', 'touch');
    pointer(t.querySelector('button')!, 'pointerup', 'touch');
    pointer(body(t), 'pointerdown', 'touch');
    expect(t.open).toBe(true);
    pointer(document.querySelector('p')!, 'pointerdown', 'touch');
    expect(t.open).toBe(false);
  });

  it('Escape hides it (through the shared dismiss stack); a hidden tooltip leaves Escape alone', async () => {
    const t = await mount('<tp-tooltip content="Text" open><button>X</button></tp-tooltip>');
    expect(escape()).toBe(false);
    expect(t.open).toBe(false);
    await t.updateComplete;
    expect(escape()).toBe(true);
  });

  it('when removed, stops listening, leaves the dismiss stack and gives the trigger back', async () => {
    const t = await mount('<tp-tooltip content="Text" open><button aria-description="Mine">X</button></tp-tooltip>');
    const button = t.querySelector('button')!;
    expect(button.getAttribute('aria-description')).toBe('Text');
    t.remove();
    expect(button.getAttribute('aria-description')).toBe('Mine');
    expect(escape()).toBe(true);
    vi.useFakeTimers();
    pointer(button, 'pointerenter');
    vi.runAllTimers();
    expect(t.open).toBe(false);
  });
});

describe('<tp-tooltip> telemetry', () => {
  const names = () => telemetry.map((d) => d.name);

  it('reports shown with the trigger’s name and how, and hidden with the dwell time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const t = await mount('<tp-tooltip id="tip" content="Text" show-delay="0"><button aria-label="Save draft">💾</button></tp-tooltip>');
    pointer(t.querySelector('button')!, 'pointerenter');
    vi.advanceTimersByTime(0);
    await t.updateComplete;
    vi.advanceTimersByTime(1_234);
    t.hide();
    await t.updateComplete;
    expect(telemetry).toMatchObject([
      { name: 'tp.tooltip.shown', component: { tag: 'tp-tooltip', id: 'tip' }, props: { name: 'Save draft', via: 'hover' } },
      { name: 'tp.tooltip.hidden', props: { dwell_ms: 1234 } },
    ]);
  });

  it('reports at most one showing per tooltip per 10 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const t = await mount('<tp-tooltip content="Text"><button>Busy</button></tp-tooltip>');
    for (let i = 0; i < 5; i++) {
      t.show();
      await t.updateComplete;
      t.hide();
      await t.updateComplete;
      vi.advanceTimersByTime(1_000);
    }
    expect(names()).toEqual(['tp.tooltip.shown', 'tp.tooltip.hidden']);
    vi.advanceTimersByTime(5_000);
    t.show();
    await t.updateComplete;
    expect(names()).toEqual(['tp.tooltip.shown', 'tp.tooltip.hidden', 'tp.tooltip.shown']);
    expect(telemetry[2]!.props).toEqual({ name: 'Busy', via: 'api' });
  });

  it('names the trigger by its text or title, at most 100 characters; with as-label, by the tooltip text', async () => {
    const long = 'x'.repeat(150);
    const byText = await mount(`<tp-tooltip content="T" open><button>  Open\n  report ${long}</button></tp-tooltip>`);
    const byTitle = await mount('<tp-tooltip content="T" open><button title="Print"><svg></svg></button></tp-tooltip>');
    const asLabel = await mount('<tp-tooltip content="Settings" as-label open><button><svg></svg></button></tp-tooltip>');
    await Promise.all([byText, byTitle, asLabel].map((t) => t.updateComplete));
    expect(telemetry.map((d) => d.props.name)).toEqual([`Open report ${long}`.slice(0, 100), 'Print', 'Settings']);
  });
});

describe('<tp-tooltip> moved in the page', () => {
  it('finds its trigger again after being removed and put back', async () => {
    const t = await mount('<button id="moved">Moved</button><tp-tooltip for="moved">Still described</tp-tooltip>');
    const host = t.parentElement!;
    const button = document.getElementById('moved')!;
    host.remove();
    await t.updateComplete;
    expect(button.hasAttribute('aria-description')).toBe(false);
    document.body.append(host);
    await t.updateComplete;
    expect(button.getAttribute('aria-description')).toBe('Still described');
    vi.useFakeTimers();
    button.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    vi.runAllTimers();
    expect(t.open).toBe(true);
  });
});
