// Honest time remaining on a standalone <tp-progress-bar>, attached from outside with
// EstimateController (the bar itself carries none of it). Fake clock: no real waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/progress-bar/define.js';
import type { TpProgressBar } from '../../src/progress-bar/progress-bar.js';
import { EstimateController } from '../../src/progress-bar/estimate-controller.js';
// Loaded ahead, so the bar's on-demand import() of it settles on the fake clock.
import '../../src/progress-bar/estimate-bar.js';
import { axeViolations } from '../support/axe.js';
import { uploadScripts } from '../../stories/progress-bar-estimate.states.js';

async function setup() {
  const host = document.createElement('div');
  host.innerHTML = '<tp-progress-bar label="Uploading scan.pdf" show-value aria-describedby="hint"></tp-progress-bar><p id="hint"></p>';
  document.body.append(host);
  const bar = host.querySelector('tp-progress-bar') as TpProgressBar;
  const hint = host.querySelector('p')!;
  const shown: string[] = [];
  const controller = new EstimateController(bar, { onChange: (text) => shown.push((hint.textContent = text)) });
  await bar.updateComplete;
  const said: string[] = [];
  const region = document.getElementById('tp-announcer')!;
  new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  return { host, bar, hint, shown, said, controller };
}

/** Plays a script (value per second) into the bar on the fake clock. */
async function play(bar: TpProgressBar, script: (s: number) => number, seconds: number): Promise<void> {
  for (let s = 0; s <= seconds; s++) {
    bar.value = script(s);
    await vi.advanceTimersByTimeAsync(1000);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('EstimateController on a <tp-progress-bar>', () => {
  it('a stalled upload: an estimate, then "Taking longer than usual" instead of a number — said politely, twice in all', async () => {
    const { bar, shown, said, host } = await setup();
    await play(bar, uploadScripts['Stalled upload']!, 90);
    expect(shown[0]).toMatch(/^About \d+ minutes? left$/);
    expect(shown.at(-1)).toBe('Taking longer than usual');
    expect(said).toEqual([shown[0], 'Taking longer than usual']);
    vi.useRealTimers(); // axe schedules its own work
    expect(await axeViolations(host)).toEqual([]);
  });

  it('a changing rate: numbers only fall, and it ends with nothing to say', async () => {
    const { bar, shown } = await setup();
    await play(bar, uploadScripts['Upload with a changing rate']!, 200);
    const minutes = shown.filter((t) => t.startsWith('About')).map((t) => Number(/\d+/.exec(t)![0]));
    expect(minutes.length).toBeGreaterThan(1);
    expect(shown).not.toContain('Taking longer than usual');
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
    expect(shown.at(-1)).toBe('');
  });

  it('leaves the bar as it was, and stops when the bar leaves the page', async () => {
    const { bar, shown } = await setup();
    expect(bar.getAttributeNames().sort()).toEqual(['aria-describedby', 'label', 'show-value']);
    await play(bar, (s) => s, 10);
    const count = shown.length;
    bar.remove();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown).toHaveLength(count);
  });
});

describe('<tp-progress-bar estimate> in Chromium', () => {
  async function mountBar(): Promise<{ host: HTMLElement; bar: TpProgressBar; said: string[] }> {
    const host = document.createElement('div');
    host.innerHTML = '<tp-progress-bar label="Uploading scan.pdf" show-value estimate></tp-progress-bar>';
    document.body.append(host);
    const bar = host.querySelector('tp-progress-bar') as TpProgressBar;
    await bar.updateComplete;
    // The estimator arrives by import(); the live region is there before it says anything.
    await vi.waitFor(() => expect(document.getElementById('tp-announcer')).not.toBeNull());
    const said: string[] = [];
    const region = document.getElementById('tp-announcer')!;
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    return { host, bar, said };
  }
  const estimate = (bar: TpProgressBar) => bar.shadowRoot!.querySelector<HTMLElement>('[part=estimate]');

  it('a stalled upload: the estimate shows above the bar, then "Taking longer than usual" — said politely only at those two changes', async () => {
    const { host, bar, said } = await mountBar();
    const shown = new Set<string>();
    for (let s = 0; s <= 90; s++) {
      bar.value = uploadScripts['Stalled upload']!(s);
      await vi.advanceTimersByTimeAsync(1000);
      const text = estimate(bar)?.textContent;
      if (text) shown.add(text);
    }
    const [first] = shown;
    expect(first).toMatch(/^About \d+ minutes? left$/);
    expect(estimate(bar)!.textContent).toBe('Taking longer than usual');
    // Shown: visible, between the label row and the bar.
    const [row, track] = [estimate(bar)!.getBoundingClientRect(), bar.shadowRoot!.querySelector('[part=track]')!.getBoundingClientRect()];
    expect(row.height).toBeGreaterThan(0);
    expect(row.bottom).toBeLessThanOrEqual(track.top);
    // Said: the first estimate and the change to "taking longer"; nothing for the numbers in between.
    expect(said).toEqual([first, 'Taking longer than usual']);
    vi.useRealTimers(); // axe schedules its own work
    expect(await axeViolations(host)).toEqual([]);
  });

  it('a changing rate: the minutes shown only fall, and announcements stay few', async () => {
    const { bar, said } = await mountBar();
    const minutes: number[] = [];
    for (let s = 0; s <= 200; s++) {
      bar.value = uploadScripts['Upload with a changing rate']!(s);
      await vi.advanceTimersByTimeAsync(1000);
      const n = /^About (\d+) minute/.exec(estimate(bar)?.textContent ?? '')?.[1];
      if (n && Number(n) !== minutes.at(-1)) minutes.push(Number(n));
    }
    expect(minutes.length).toBeGreaterThan(1);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
    // Far fewer announcements than changes of text: only changes of kind (minutes → less than a minute).
    expect(said.length).toBeLessThanOrEqual(3);
    expect(said).not.toContain('Taking longer than usual');
    expect(estimate(bar)).toBeNull(); // done: nothing left to estimate
  });
});
