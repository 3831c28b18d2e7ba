import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../src/progress-bar/define.js';
// Loaded ahead, so the bar's on-demand import() of it settles on the fake clock.
import '../../src/progress-bar/estimate-bar.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { setMessages } from '../../src/core/i18n.js';
import { shared } from '../../src/core/shared.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';

async function bar(attributes: Record<string, string> = {}, content = ''): Promise<TpProgressBar> {
  const el = document.createElement('tp-progress-bar');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = content;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: TpProgressBar, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`);
const fraction = (el: TpProgressBar) => part(el, 'indicator')!.style.getPropertyValue('--_fraction');
const indeterminate = (el: TpProgressBar) => part(el, 'track')!.classList.contains('indeterminate');

let warnings: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  warnings.mockClear();
  takePreHubEvents();
});

describe('<tp-progress-bar> rendering', () => {
  it('fills the share of max and shows the percentage in the element’s locale', async () => {
    const el = await bar({ value: '40', label: 'Upload', 'show-value': '' });
    expect(fraction(el)).toBe('0.4');
    expect(indeterminate(el)).toBe(false);
    expect(part(el, 'value')!.textContent).toBe('40%');
    document.documentElement.lang = 'de';
    el.value = 41;
    await el.updateComplete;
    expect(part(el, 'value')!.textContent!.replace(/\s/g, ' ')).toBe('41 %');
  });

  it('uses value-text instead of the percentage when given', async () => {
    const el = await bar({ value: '3', max: '10', 'value-text': '3 of 10 files', 'show-value': '' });
    expect(part(el, 'value')!.textContent).toBe('3 of 10 files');
    expect(fraction(el)).toBe('0.3');
  });

  it('is indeterminate without a value, and shows no value text', async () => {
    const el = await bar({ label: 'Preparing', 'show-value': '' });
    expect(indeterminate(el)).toBe(true);
    expect(part(el, 'value')).toBeNull();
  });

  it('renders markup in the label as text', async () => {
    const el = await bar({ label: '<img src=x onerror="window.hacked=1">Upload' });
    const label = part(el, 'label')!;
    expect(label.querySelector('img')).toBeNull();
    expect(label.textContent).toContain('<img src=x onerror="window.hacked=1">Upload');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('takes its label from slotted text', async () => {
    const el = await bar({ value: '10' }, 'Copying <b>photos</b>');
    const slot = el.shadowRoot!.querySelector('slot')!;
    slot.dispatchEvent(new Event('slotchange'));
    await el.updateComplete;
    expect((el as unknown as { slottedLabel: string }).slottedLabel).toBe('Copying photos');
    expect(el.shadowRoot!.querySelector('.header')!.hasAttribute('hidden')).toBe(false);
  });

  it('warns in dev builds when it has no accessible name, not when the author named the host', async () => {
    await bar({ id: 'nameless', value: '10' });
    expect(warnings.mock.calls.flat().join('\n')).toContain('<tp-progress-bar#nameless>: has no accessible name');
    warnings.mockClear();
    await bar({ value: '10', 'aria-label': 'Upload' });
    expect(warnings).not.toHaveBeenCalled();
  });
});

describe('<tp-progress-bar> with hostile input', () => {
  // [attributes, expected fraction ('' when indeterminate), a fragment the dev warning must contain]
  const cases: [Record<string, string>, string, string | null][] = [
    [{ value: 'abc' }, '', 'value="abc" is not accepted (expected a number from 0 to 100); using indeterminate'],
    [{ value: '' }, '', 'value="" is not accepted'],
    [{ value: 'NaN' }, '', 'value="NaN"'],
    [{ value: '150' }, '1', 'value="150" is not accepted (expected a number from 0 to 100); using 100'],
    [{ value: '-3' }, '0', 'value="-3" is not accepted (expected a number from 0 to 100); using 0'],
    [{ value: '1e309' }, '1', 'value="1e309"'],
    [{ value: '-Infinity' }, '0', 'value="-Infinity"'],
    [{ value: '9'.repeat(400) }, '1', 'is not accepted'],
    [{ value: '5', max: '0' }, '0.05', 'max="0" is not accepted (expected a finite number above 0); using 100'],
    [{ value: '5', max: '-10' }, '0.05', 'max="-10"'],
    [{ value: '5', max: 'lots' }, '0.05', 'max="lots"'],
    [{ value: '5', max: 'Infinity' }, '0.05', 'max="Infinity"'],
    [{ value: '50', max: '1e-320' }, '1', 'value="50"'],
    [{ value: '"><script>alert(1)</script>' }, '', 'is not accepted'],
    [{ value: '7', 'value-text': '<b>bold</b>', 'show-value': '' }, '0.07', null],
  ];

  it.each(cases)('%o never throws and falls back as documented', async (attributes, expected, warning) => {
    const el = await bar({ label: 'Hostile', ...attributes });
    expect(fraction(el)).toBe(expected === '' ? '0' : expected);
    expect(indeterminate(el)).toBe(expected === '');
    if (warning) expect(warnings.mock.calls.flat().join('\n')).toContain(warning);
    else expect(warnings).not.toHaveBeenCalled();
  });

  it('survives nonsense property values set from script', async () => {
    const el = await bar({ label: 'Script' });
    for (const v of [undefined, {}, 'x', [], true, Symbol.iterator.description]) {
      (el as unknown as { value: unknown }).value = v;
      (el as unknown as { max: unknown }).max = v;
      await el.updateComplete;
    }
    expect(indeterminate(el)).toBe(true);
  });
});

describe('<tp-progress-bar> telemetry', () => {
  const completed = (events: Event[]) =>
    events.map((e) => (e as CustomEvent<TelemetryDetail>).detail).filter((d) => d.name === 'tp.progress_bar.completed');

  function listen(): Event[] {
    const events: Event[] = [];
    document.addEventListener('tp-telemetry', (e) => events.push(e));
    return events;
  }

  it('reports completion each time the value reaches max from below, with duration_ms', async () => {
    const events = listen();
    const el = await bar({ id: 'upload', label: 'Upload', value: '0' });
    el.value = 60;
    await el.updateComplete;
    el.value = 100;
    await el.updateComplete;
    el.value = 100;
    await el.updateComplete;
    el.value = 20;
    await el.updateComplete;
    el.max = 20;
    await el.updateComplete;
    const done = completed(events);
    expect(done).toHaveLength(2);
    expect(done[0]!.component).toEqual({ tag: 'tp-progress-bar', id: 'upload' });
    expect(typeof done[0]!.props.duration_ms).toBe('number');
    expect(done[0]!.props.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('does not report a bar first rendered already complete', async () => {
    const events = listen();
    const el = await bar({ label: 'Done', value: '100' });
    el.label = 'Still done';
    await el.updateComplete;
    expect(completed(events)).toHaveLength(0);
  });

  it('counts indeterminate → complete as a completion, and names unnamed instances uniquely', async () => {
    const events = listen();
    const a = await bar({ label: 'A' });
    const b = await bar({ label: 'B' });
    a.value = 100;
    b.value = 100;
    await Promise.all([a.updateComplete, b.updateComplete]);
    const [first, second] = completed(events);
    expect(first!.component.id).toMatch(/^tp-progress-bar-\d+$/);
    expect(second!.component.id).not.toBe(first!.component.id);
  });
});

describe('<tp-progress-bar estimate>', () => {
  const fake = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  afterEach(() => vi.useRealTimers());

  /** One value a second on the fake clock. */
  async function play(el: TpProgressBar, script: (second: number) => number, seconds: number): Promise<void> {
    for (let s = 0; s <= seconds; s++) {
      el.value = script(s);
      await vi.advanceTimersByTimeAsync(1000);
    }
  }
  const estimator = (el: TpProgressBar) => (el as unknown as { estimator?: unknown }).estimator;
  const estimateText = (el: TpProgressBar) => part(el, 'estimate')?.textContent ?? null;

  it('is off by default; `estimate` is a boolean attribute and property', async () => {
    const el = await bar({ label: 'Upload', value: '10' });
    expect(el.estimate).toBeFalsy();
    el.setAttribute('estimate', 'no'); // any value turns a boolean attribute on
    expect(el.estimate).toBe(true);
    el.removeAttribute('estimate');
    expect(el.estimate).toBe(false);
  });

  it('without it, shows no estimate and loads nothing', async () => {
    fake();
    const el = await bar({ label: 'Upload', value: '0' });
    await play(el, (s) => s, 30);
    expect(estimator(el)).toBeUndefined();
    expect(part(el, 'estimate')).toBeNull();
  });

  it('shows nothing while warming up, then an honest time remaining between the label row and the bar', async () => {
    fake();
    const el = await bar({ label: 'Upload', value: '0', estimate: '' });
    await play(el, (s) => s * 0.5, 2);
    expect(part(el, 'estimate')).toBeNull();
    await play(el, (s) => 1 + s * 0.5, 20);
    expect(estimateText(el)).toMatch(/^About \d+ minutes? left$/);
    const order = [...el.shadowRoot!.querySelectorAll('[part]')].map((p) => p.getAttribute('part'));
    expect(order).toEqual(['label', 'estimate', 'track', 'indicator']);
  });

  it('says "Taking longer than usual" when the work stalls, and nothing once turned off (but keeps learning)', async () => {
    fake();
    const el = await bar({ label: 'Upload', value: '0', estimate: '' });
    await play(el, (s) => Math.min(42, s * 0.7), 90);
    expect(estimateText(el)).toBe('Taking longer than usual');
    el.estimate = false;
    await play(el, () => 42, 3);
    expect(part(el, 'estimate')).toBeNull();
    expect(estimator(el)).toBeDefined();
    el.estimate = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(estimateText(el)).toBe('Taking longer than usual');
  });

  it('never shows an estimate for an indeterminate bar', async () => {
    fake();
    const el = await bar({ label: 'Preparing', estimate: '' });
    for (let s = 0; s < 30; s++) await vi.advanceTimersByTimeAsync(1000);
    expect(estimator(el)).toBeDefined();
    expect(part(el, 'estimate')).toBeNull();
  });

  it('while shown, the estimate is part of the value text (in the words of `estimate.valuetext`); off or indeterminate, it is not', async () => {
    // happy-dom has no ElementInternals: a plain object stands in, so the ARIA the bar sets can be
    // read (tests/e2e/progress-bar-estimate.test.ts checks the real one in Chromium).
    const internals = new Map<Element, Record<string, unknown>>();
    HTMLElement.prototype.attachInternals = function (this: HTMLElement) {
      const aria = {};
      internals.set(this, aria);
      return aria as ElementInternals;
    };
    try {
      fake();
      const el = await bar({ label: 'Upload', value: '0', 'value-text': 'scan.pdf', estimate: '' });
      const valueText = () => internals.get(el)!.ariaValueText;
      expect(valueText()).toBe('scan.pdf');
      await play(el, (s) => Math.min(42, s * 0.7), 90);
      expect(valueText()).toBe('scan.pdf — Taking longer than usual');
      setMessages('en', { 'estimate.valuetext': '{estimate} ({value})' });
      el.requestUpdate(); // the site owner's words apply from the next render on
      await el.updateComplete;
      expect(valueText()).toBe('Taking longer than usual (scan.pdf)');
      el.estimate = false;
      await el.updateComplete;
      expect(valueText()).toBe('scan.pdf');
      el.estimate = true;
      el.value = null;
      await el.updateComplete;
      expect(estimateText(el)).toBe('Taking longer than usual');
      expect(valueText()).toBeNull();
      expect(internals.get(el)!.ariaValueNow).toBeNull();
    } finally {
      delete (HTMLElement.prototype as { attachInternals?: unknown }).attachInternals;
      shared().messages = {};
    }
  });
});
