// The time-remaining estimator, driven by scripted progress on an injected clock (no timers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucket, Estimator, estimateText, fractionOf, type Estimate } from '../../src/progress-bar/estimate.js';
import { estimateMessages } from '../../src/progress-bar/estimate-messages.js';

const english = (key: string, vars: Record<string, string> = {}) =>
  estimateMessages.en![key]!.replace(/\{(\w+)\}/g, (_, name: string) => vars[name]!);
const text = (estimate: Estimate) => estimateText(estimate, 'en', english);

const LONGER = 'Taking longer than usual';

interface Played {
  /** [second, text] each time the text changed. */
  changes: [number, string][];
  /** [second, text] each time it was announced. */
  announced: [number, string][];
  /** The text shown at a second. */
  at: (second: number) => string;
}

/** Samples `value(s)` and reads the estimate once a second from 0 to `until` seconds. */
function play(value: (second: number) => number | null, until: number, estimator = new Estimator()): Played {
  const changes: [number, string][] = [];
  const announced: [number, string][] = [];
  const shown: string[] = [];
  for (let s = 0; s <= until; s++) {
    estimator.sample(s * 1000, value(s), 100);
    const reading = estimator.read(s * 1000);
    shown.push(text(reading.estimate));
    if (reading.changed) changes.push([s, text(reading.estimate)]);
    if (reading.announce) announced.push([s, text(reading.estimate)]);
  }
  return { changes, announced, at: (s) => shown[s]! };
}

/** Minutes a shown text stands for (less than a minute → 0.5); null for no number. */
function minutes(shown: string): number | null {
  if (shown === 'Less than a minute left') return 0.5;
  const match = /^About (\d+) (minute|minutes|hour|hours) left$/.exec(shown);
  if (!match) return null;
  return Number(match[1]) * (match[2]!.startsWith('hour') ? 60 : 1);
}

/** The rules every run must keep, whatever the progress did. */
function expectHonest({ changes, announced }: Played): void {
  let lastNumber: number | null = null;
  let lastChange = -Infinity;
  let lastAnnounced = -Infinity;
  for (const [second, shown] of changes) {
    // Only these words, with whole positive numbers and nothing absurd.
    expect(shown).toMatch(/^(|Less than a minute left|Taking longer than usual|About ([1-9]|[1-4][05]) minutes? left|About ([1-9]|1\d|2[0-4]) hours? left)$/);
    // At most one change every 5 seconds, except appearing and ending.
    if (shown !== '' && lastChange !== -Infinity && changes.find(([s]) => s === lastChange)![1] !== '') {
      expect(second - lastChange).toBeGreaterThanOrEqual(5);
    }
    lastChange = second;
    const n = minutes(shown);
    if (shown === LONGER || shown === '') lastNumber = null;
    else if (n !== null) {
      // A shown number never goes up unless "taking longer than usual" (or the end) came between.
      if (lastNumber !== null) expect(n, `at ${second}s`).toBeLessThanOrEqual(lastNumber);
      lastNumber = n;
    }
  }
  for (const [second, shown] of announced) {
    expect(shown).not.toBe('');
    expect(second - lastAnnounced).toBeGreaterThanOrEqual(30);
    lastAnnounced = second;
  }
}

describe('estimator: scripted progress', () => {
  it('steady: counts down in human ranges, announcing only the first estimate and the last minute', () => {
    // 0.5 % a second: 200 seconds in all.
    const run = play((s) => Math.min(100, s * 0.5), 205);
    expect(run.changes).toEqual([
      [6, 'About 3 minutes left'],
      [51, 'About 2 minutes left'],
      [111, 'About 1 minute left'],
      [141, 'Less than a minute left'],
      [200, ''],
    ]);
    expect(run.at(0)).toBe('');
    expect(run.at(5)).toBe('');
    expect(run.at(100)).toBe('About 2 minutes left');
    expect(run.at(199)).toBe('Less than a minute left');
    expect(run.announced).toEqual([
      [6, 'About 3 minutes left'],
      [141, 'Less than a minute left'],
    ]);
    expectHonest(run);
  });

  it('accelerating: the estimate only falls, and is never raised', () => {
    // 0.25 % a second for 40 seconds, then 1 % a second: done at 130 s.
    const run = play((s) => (s <= 40 ? s * 0.25 : Math.min(100, 10 + (s - 40))), 135);
    expect(run.changes).toEqual([
      [6, 'About 7 minutes left'],
      [11, 'About 6 minutes left'],
      [41, 'About 5 minutes left'],
      [46, 'About 3 minutes left'],
      [51, 'About 2 minutes left'],
      [63, 'About 1 minute left'],
      [78, 'Less than a minute left'],
      [130, ''],
    ]);
    expect(run.changes.some(([, t]) => t === LONGER)).toBe(false);
    expectHonest(run);
  });

  it('stalling: says "taking longer than usual", then learns the pace afresh when work resumes', () => {
    // 0.5 % a second, frozen at 30 % from 60 s to 120 s, then 0.5 % a second again.
    const run = play((s) => (s <= 60 ? s * 0.5 : s <= 120 ? 30 : Math.min(100, 30 + (s - 120) * 0.5)), 270);
    expect(run.changes).toEqual([
      [6, 'About 3 minutes left'],
      [51, 'About 2 minutes left'],
      // 15 s without movement.
      [75, LONGER],
      // Moving again at 121 s: a fresh estimate once the new pace is known (never the stale 2 minutes meanwhile).
      [137, 'About 2 minutes left'],
      [171, 'About 1 minute left'],
      [201, 'Less than a minute left'],
      [260, ''],
    ]);
    expect(run.at(100)).toBe(LONGER);
    expect(run.at(130)).toBe(LONGER);
    expect(run.announced.map(([s]) => s)).toEqual([6, 75, 137, 201]);
    expectHonest(run);
  });

  it('restarting: going back says "taking longer than usual" at once, never a larger number straight after a smaller one', () => {
    // 0.5 % a second to 60 % at 120 s, then back to 0 and 1 % a second.
    const run = play((s) => (s <= 120 ? s * 0.5 : Math.min(100, (s - 121) * 1)), 230);
    expect(run.changes).toEqual([
      [6, 'About 3 minutes left'],
      [51, 'About 2 minutes left'],
      [111, 'About 1 minute left'],
      [121, LONGER],
      [137, 'About 1 minute left'],
      [162, 'Less than a minute left'],
      [221, ''],
    ]);
    // The number after the restart waits for the 30-second announcement gap.
    expect(run.announced).toEqual([
      [6, 'About 3 minutes left'],
      [121, LONGER],
      [151, 'About 1 minute left'],
      [181, 'Less than a minute left'],
    ]);
    expectHonest(run);
  });

  it('slowing down: does not sit at "less than a minute" — it says so, then gives a new number once the pace settles', () => {
    // 1 % a second for 30 s, then 0.1 % a second: done at 730 s.
    const run = play((s) => (s <= 30 ? s : Math.min(100, 30 + (s - 30) * 0.1)), 740);
    expect(run.changes).toEqual([
      [6, 'About 2 minutes left'],
      [11, 'About 1 minute left'],
      [43, LONGER],
      [124, 'About 9 minutes left'],
      [220, 'About 8 minutes left'],
      [280, 'About 7 minutes left'],
      [340, 'About 6 minutes left'],
      [400, 'About 5 minutes left'],
      [460, 'About 4 minutes left'],
      [520, 'About 3 minutes left'],
      [580, 'About 2 minutes left'],
      [640, 'About 1 minute left'],
      [670, 'Less than a minute left'],
      [730, ''],
    ]);
    expectHonest(run);
  });

  it('coarse progress (10 % every 20 s) is not mistaken for a stall', () => {
    const run = play((s) => Math.min(100, Math.floor(s / 20) * 10), 205);
    expect(run.changes).toEqual([
      [25, 'About 3 minutes left'],
      [60, 'About 2 minutes left'],
      [120, 'About 1 minute left'],
      [160, 'Less than a minute left'],
      [200, ''],
    ]);
    expectHonest(run);
  });

  it('a stall before any movement says "taking longer than usual" after 30 s, not before', () => {
    const run = play(() => 0, 40);
    expect(run.changes).toEqual([[30, LONGER]]);
  });

  it('never shows an absurd number: 1 % an hour gives no estimate at all', () => {
    const estimator = new Estimator();
    for (let minute = 0; minute <= 300; minute++) {
      const now = minute * 60_000;
      estimator.sample(now, minute / 60, 100);
      expect(estimator.read(now).estimate).toEqual({ kind: 'none' });
    }
  });

  it('says nothing while progress is unknown, and nothing once done', () => {
    const run = play((s) => (s < 60 ? null : 100), 70);
    expect(run.changes).toEqual([]);
  });

  it('reset() forgets the run: nothing is shown until a new one warms up', () => {
    const estimator = new Estimator();
    expect(play((s) => s * 0.5, 60, estimator).at(60)).toBe('About 2 minutes left');
    estimator.reset();
    expect(estimator.read(61_000)).toEqual({ estimate: { kind: 'none' }, changed: false, announce: false });
    estimator.sample(62_000, 0, 100);
    expect(estimator.read(63_000).estimate).toEqual({ kind: 'none' });
  });
});

describe('estimator: any progress at all', () => {
  /** A script of segments: move at a rate, stall, or go back. */
  const segment = fc.record({
    seconds: fc.integer({ min: 1, max: 90 }),
    kind: fc.constantFrom('move', 'move', 'move', 'stall', 'back'),
    rate: fc.double({ min: 0.01, max: 3, noNaN: true }),
    every: fc.integer({ min: 1, max: 4 }),
  });

  it('keeps every rule: allowed words, cadence, no raised number without "taking longer", no spam', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 12 }), (segments) => {
        const values: (number | null)[] = [];
        let value = 0;
        for (const { seconds, kind, rate, every } of segments) {
          if (kind === 'back') value = Math.max(0, value - 20);
          for (let s = 0; s < seconds; s++) {
            if (kind === 'move' && s % every === 0) value = Math.min(100, value + rate * every);
            values.push(value);
          }
        }
        expectHonest(play((s) => values[Math.min(s, values.length - 1)]!, values.length + 60));
      }),
      { numRuns: 300 },
    );
  });
});

describe('estimator: hostile input', () => {
  it.each([
    [null, 100, null],
    [undefined, 100, null],
    [Number.NaN, 100, null],
    ['40', 100, null],
    [{}, 100, null],
    [150, 100, 1],
    [-3, 100, 0],
    [Infinity, 100, 1],
    [-Infinity, 100, 0],
    [5, 0, 0.05],
    [5, -10, 0.05],
    [5, Number.NaN, 0.05],
    [5, Infinity, 0.05],
    [5, 'lots', 0.05],
    [1e308, 1e-320, 1],
  ])('fractionOf(%o, %o) is %o', (value, max, expected) => {
    expect(fractionOf(value, max)).toBe(expected);
  });

  it('never throws, and never shows anything but the allowed words, on garbage samples and clocks', () => {
    const estimator = new Estimator();
    const garbage = [NaN, -1, 1e309, '7', null, undefined, {}, 50, 200, -Infinity, 99.99999];
    for (let i = 0; i < 200; i++) {
      const now = i % 17 === 0 ? NaN : i % 13 === 0 ? -i * 1000 : i * 1000;
      expect(() => estimator.sample(now, garbage[i % garbage.length], i % 5 === 0 ? 0 : 100)).not.toThrow();
      const shown = text(estimator.read(now).estimate);
      expect(shown).toMatch(/^(|Less than a minute left|Taking longer than usual|About \d+ (minute|minutes|hour|hours) left)$/);
    }
  });
});

describe('estimator: human ranges and words', () => {
  it.each([
    [0, { kind: 'seconds' }],
    [59_999, { kind: 'seconds' }],
    [60_000, { kind: 'minutes', n: 1 }],
    [89_999, { kind: 'minutes', n: 1 }],
    [90_000, { kind: 'minutes', n: 2 }],
    [9.4 * 60_000, { kind: 'minutes', n: 9 }],
    [12.4 * 60_000, { kind: 'minutes', n: 10 }],
    [12.6 * 60_000, { kind: 'minutes', n: 15 }],
    [47.4 * 60_000, { kind: 'minutes', n: 45 }],
    [47.5 * 60_000, { kind: 'hours', n: 1 }],
    [50 * 60_000, { kind: 'hours', n: 1 }],
    [23.6 * 3_600_000, { kind: 'hours', n: 24 }],
  ])('%d ms left → %o', (ms, expected) => {
    expect(bucket(ms)).toEqual(expected);
  });

  it('words the estimate with the locale’s plurals and digits', () => {
    // A site owner's German words (setMessages('de', …)); the duration comes from Intl.
    const words: Record<string, string> = { 'estimate.left': 'Noch etwa {duration}', 'estimate.longer': 'Dauert länger als üblich' };
    const german = (key: string, vars: Record<string, string> = {}) => words[key]!.replace(/\{(\w+)\}/g, (_, name: string) => vars[name]!);
    expect(text({ kind: 'minutes', n: 1 })).toBe('About 1 minute left');
    expect(text({ kind: 'hours', n: 3 })).toBe('About 3 hours left');
    expect(text({ kind: 'none' })).toBe('');
    expect(estimateText({ kind: 'minutes', n: 2 }, 'de', german)).toBe('Noch etwa 2 Minuten');
    expect(estimateText({ kind: 'longer' }, 'de', german)).toBe('Dauert länger als üblich');
    expect(estimateText({ kind: 'minutes', n: 5 }, 'ar-EG', english)).toMatch(/^About ٥ /);
  });
});
