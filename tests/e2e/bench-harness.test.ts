// The benchmark harness works, without running the whole benchmark: one quick scenario (50
// progress bars, one run, Touchpoint vs the bare Lit element) through the code `npm run bench` uses.
// Needs dist/ (`npm test` builds it first).
import { describe, expect, it } from 'vitest';
import { loadAdapters, measureRuntime } from '../../bench/run.mjs';

const positive = (n: number) => Number.isFinite(n) && n > 0;

describe('bench harness', () => {
  it('renders 50 progress bars per library and reports medians, ranges and same-run ratios', async () => {
    const adapters = (await loadAdapters()).filter((a) => a.name === 'progress-bar');
    const { components, settings, chromium } = await measureRuntime(adapters, {
      runs: 1,
      warmups: 0,
      renderCount: 50,
      peers: [],
      scenarios: ['render'],
      log: () => {},
    });

    expect(chromium).toMatch(/^\d+\./);
    expect(settings).toMatchObject({ runs: 1, warmups: 0, renderCount: 50 });
    expect(components).toHaveLength(1);
    const [bar] = components;
    expect(bar.libraries.map((l) => [l.key, l.missing])).toEqual([
      ['touchpoint', undefined],
      ['bareLit', undefined],
    ]);
    expect(Object.keys(bar.metrics)).toEqual(['renderMs']);

    const { touchpoint, bareLit } = bar.metrics.renderMs;
    for (const summary of [touchpoint, bareLit]) {
      expect(summary.samples).toHaveLength(1);
      for (const n of [summary.median, summary.min, summary.max]) expect(positive(n)).toBe(true);
    }
    // The reference has no ratio; Touchpoint's is taken run by run against it.
    expect(bareLit.ratio).toBeUndefined();
    expect(touchpoint.ratio?.samples).toEqual([touchpoint.samples[0]! / bareLit.samples[0]!]);
    expect(positive(touchpoint.ratio!.median)).toBe(true);
  });
});
