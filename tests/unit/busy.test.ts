import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/busy/define.js';
import type { TpBusy } from '../../src/busy/busy.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { takePreHubEvents, type TelemetryDetail } from '../../src/core/telemetry-event.js';

async function busy(attributes: Record<string, string> = {}, content = '<p>Results</p>'): Promise<TpBusy> {
  const el = document.createElement('tp-busy');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = content;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: TpBusy, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const bar = (el: TpBusy) => $(el, 'tp-progress-bar') as TpProgressBar;
const shown = (el: TpBusy) => !$(el, '[part=status]').hidden;
const ariaBusy = (el: TpBusy) => $(el, '[part=region]').getAttribute('aria-busy');
const estimate = (el: TpBusy) => ($(el, '[part=estimate]').hidden ? '' : $(el, '[part=estimate]').textContent);
const region = () => document.getElementById('tp-announcer');

/** Moves the fake clock and lets Lit and the announcer catch up. */
async function wait(el: TpBusy, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await el.updateComplete;
  await vi.advanceTimersByTimeAsync(0);
}

let warnings: ReturnType<typeof vi.spyOn>;
let events: TelemetryDetail[];
let said: string[];
let watcher: MutationObserver | undefined;
const record = (e: Event) => events.push((e as CustomEvent<TelemetryDetail>).detail);

beforeAll(() => document.addEventListener('tp-telemetry', record));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
  events = [];
  said = [];
});
afterEach(() => {
  watcher?.disconnect();
  watcher = undefined;
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
  takePreHubEvents();
});

/** Counts what the shared live region says (each non-empty write). */
async function listen(): Promise<void> {
  await busy({}, ''); // creates the region
  watcher = new MutationObserver(() => {
    const text = region()?.textContent;
    if (text) said.push(text);
  });
  watcher.observe(region()!, { childList: true, characterData: true, subtree: true });
}

describe('<tp-busy> waiting rules', () => {
  it('marks the region busy at once, shows nothing for a second, then an indeterminate bar', async () => {
    await listen();
    const el = await busy({ busy: '', label: 'Loading search results', value: '20' });
    expect(ariaBusy(el)).toBe('true');
    expect(shown(el)).toBe(false);
    await wait(el, 999);
    expect(shown(el)).toBe(false);
    await wait(el, 1);
    expect(shown(el)).toBe(true);
    // Progress is known but the wait is short: no bar full of numbers yet.
    expect(bar(el).value).toBeNull();
    expect(bar(el).label).toBe('Loading search results');
    await wait(el, 200);
    expect(said).toEqual(['Loading search results']);
  });

  it('shows progress and an honest estimate once the wait passes ten seconds', async () => {
    const el = await busy({ busy: '', value: '0', max: '200' });
    for (let s = 1; s <= 12; s++) {
      el.value = s * 2; // 1 % a second
      await wait(el, 1000);
    }
    expect(bar(el).value).toBe(24);
    expect(bar(el).max).toBe(200);
    expect(bar(el).hasAttribute('show-value')).toBe(true);
    expect(estimate(el)).toBe('About 1 minute left');
    expect(bar(el).getAttribute('aria-describedby')).toBe('estimate');
    expect($(el, '#estimate').textContent).toBe('About 1 minute left');
  });

  it('stays indeterminate past ten seconds when progress is unknown, and says no estimate', async () => {
    const el = await busy({ busy: '' });
    await wait(el, 15_000);
    expect(shown(el)).toBe(true);
    expect(bar(el).value).toBeNull();
    expect(estimate(el)).toBe('');
  });

  it('on completion clears aria-busy, hides the indicator, says it is done and reports the wait', async () => {
    await listen();
    const el = await busy({ busy: '', label: 'Uploading 3 files', value: '0' });
    for (let s = 1; s <= 11; s++) {
      el.value = s * 5;
      await wait(el, 1000);
    }
    el.busy = false;
    await wait(el, 200);
    expect(ariaBusy(el)).toBeNull();
    expect(el.hasAttribute('busy')).toBe(false);
    expect(shown(el)).toBe(false);
    expect(said.at(-1)).toBe('Uploading 3 files — done.');
    const reported = events.filter((e) => e.name === 'tp.busy.shown');
    expect(reported.map((e) => e.props)).toEqual([{ wait_ms: 11_000, determinate: true, outcome: 'done' }]);
  });

  it('a wait under a second shows nothing, says nothing and reports nothing — but still sets and clears aria-busy', async () => {
    await listen();
    const el = await busy({ busy: '' });
    expect(ariaBusy(el)).toBe('true');
    await wait(el, 600);
    el.removeAttribute('busy');
    await wait(el, 2000);
    expect(ariaBusy(el)).toBeNull();
    expect(said).toEqual([]);
    expect(events.filter((e) => e.name === 'tp.busy.shown')).toEqual([]);
  });

  it('uses the done-text, delay and estimate-after given', async () => {
    await listen();
    const el = await busy({ busy: '', delay: '0', 'estimate-after': '0', value: '10', 'done-text': 'Your report is ready.' });
    await wait(el, 0);
    expect(shown(el)).toBe(true);
    expect(bar(el).value).toBe(10);
    el.busy = false;
    await wait(el, 200);
    expect(said.at(-1)).toBe('Your report is ready.');
  });
});

describe('<tp-busy>.track(promise)', () => {
  it('is busy until every tracked promise settles, and hands back what they resolve to', async () => {
    const el = await busy();
    let finishA!: (v: string) => void;
    let finishB!: () => void;
    const a = el.track(new Promise<string>((r) => (finishA = r)));
    el.track(new Promise<void>((r) => (finishB = r)));
    await el.updateComplete;
    expect(el.busy).toBe(true);
    expect(ariaBusy(el)).toBe('true');
    finishA('rows');
    expect(await a).toBe('rows');
    await wait(el, 0);
    expect(el.busy).toBe(true);
    finishB();
    await wait(el, 0);
    expect(el.busy).toBe(false);
    expect(ariaBusy(el)).toBeNull();
  });

  it('a failed promise clears busy, says nothing (the page’s error should) and reports outcome "failed"', async () => {
    await listen();
    const el = await busy({ label: 'Saving' });
    const failing = el.track(Promise.reject(new Error('offline')).then(undefined, async (e) => {
      await new Promise((r) => setTimeout(r, 3000));
      throw e;
    }));
    await expect(Promise.all([failing, wait(el, 3000)])).rejects.toThrow('offline');
    await wait(el, 200);
    expect(el.busy).toBe(false);
    expect(said).toEqual(['Saving']);
    expect(events.filter((e) => e.name === 'tp.busy.shown').map((e) => e.props)).toEqual([
      { wait_ms: 3000, determinate: false, outcome: 'failed' },
    ]);
  });

  it('takes values that are not promises without throwing', async () => {
    const el = await busy();
    expect(await el.track(42)).toBe(42);
    expect(await el.track(undefined)).toBeUndefined();
    await wait(el, 0);
    expect(el.busy).toBe(false);
  });
});

describe('<tp-busy> telemetry on leaving', () => {
  it('reports a wait the page was left during, once', async () => {
    const el = await busy({ busy: '' });
    await wait(el, 4000);
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    el.busy = false;
    await wait(el, 0);
    expect(events.filter((e) => e.name === 'tp.busy.shown').map((e) => e.props)).toEqual([
      { wait_ms: 4000, determinate: false, outcome: 'left' },
    ]);
  });

  it('does not report leaving before anything was shown', async () => {
    await busy({ busy: '' });
    window.dispatchEvent(new Event('pagehide'));
    expect(events.filter((e) => e.name === 'tp.busy.shown')).toEqual([]);
  });
});

describe('<tp-busy> with hostile input', () => {
  // [attributes, expected bar value after 10 s (null: indeterminate), expected max, warning fragment]
  const cases: [Record<string, string>, number | null, number, string | null][] = [
    [{ value: '150' }, 100, 100, 'value="150" is not accepted (expected a number from 0 to 100); using 100'],
    [{ value: '-5' }, 0, 100, 'value="-5" is not accepted (expected a number from 0 to 100); using 0'],
    [{ value: 'abc' }, null, 100, 'value="abc" is not accepted (expected a number from 0 to 100); using unknown progress'],
    [{ value: 'NaN' }, null, 100, 'value="NaN"'],
    [{ value: '' }, null, 100, 'value=""'],
    [{ value: '1e309' }, 100, 100, 'value="1e309"'],
    [{ value: '5', max: '0' }, 5, 100, 'max="0" is not accepted (expected a finite number above 0); using 100'],
    [{ value: '5', max: '-1' }, 5, 100, 'max="-1"'],
    [{ value: '5', max: 'Infinity' }, 5, 100, 'max="Infinity"'],
    [{ value: '5', delay: 'soon' }, 5, 100, 'delay="soon" is not accepted (expected milliseconds, 0 or more); using 1000'],
    [{ value: '5', delay: '-1' }, 5, 100, 'delay="-1"'],
    [{ value: '5', 'estimate-after': 'later' }, 5, 100, 'estimate-after="later" is not accepted (expected milliseconds, 0 or more); using 10000'],
    [{ value: '5', 'estimate-after': '1e309' }, 5, 100, 'estimate-after="1e309"'],
    [{ value: '5', label: '<img src=x onerror="window.hacked=1">Upload' }, 5, 100, null],
  ];

  let n = 0;
  it.each(cases)('%o never throws and falls back as documented', async (attributes, value, max, warning) => {
    const el = await busy({ id: `hostile-${++n}`, busy: '', ...attributes });
    await wait(el, 10_000);
    expect(shown(el)).toBe(true);
    expect(bar(el).value).toBe(value);
    expect(bar(el).max).toBe(max);
    if (warning) expect(warnings.mock.calls.flat().join('\n')).toContain(warning);
    else expect(warnings).not.toHaveBeenCalled();
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });
});

describe('<tp-busy> with nonsense set from script', () => {
  it('never throws, whatever the properties are set to', async () => {
    await listen();
    const el = await busy({ busy: '', delay: '0' });
    for (const v of [undefined, null, {}, 'x', [], true, -1, Infinity, NaN, Symbol.iterator.description]) {
      Object.assign(el, { label: v, value: v, max: v, delay: v, estimateAfter: v, doneText: v });
      await wait(el, 1000);
    }
    expect(shown(el)).toBe(true);
    el.busy = false;
    await wait(el, 200);
    expect(ariaBusy(el)).toBeNull();
    expect(said.length).toBeGreaterThan(0);
  });
});

describe('<tp-busy> announcements', () => {
  it('a long upload with a changing rate is announced at meaningful moments only, never every second', async () => {
    await listen();
    const el = await busy({ busy: '', label: 'Uploading video', value: '0' });
    let value = 0;
    for (let s = 1; s <= 240 && value < 100; s++) {
      value = Math.min(100, value + (s < 60 ? 0.4 : s < 120 ? 0.8 : 0.6));
      el.value = value;
      await wait(el, 1000);
    }
    el.busy = false;
    await wait(el, 200);
    // The label, the first estimate, "less than a minute", done — and perhaps one "taking longer" on the way.
    expect(said.length).toBeGreaterThanOrEqual(4);
    expect(said.length).toBeLessThanOrEqual(6);
    expect(said[0]).toBe('Uploading video');
    expect(said[1]).toMatch(/^About \d+ minutes? left$/);
    expect(said.at(-1)).toBe('Uploading video — done.');
  });
});
