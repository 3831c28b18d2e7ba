// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { percentile } from '../../../src/time/index.js';

describe('percentile (nearest rank)', () => {
  const waits = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];

  it('returns an observed value: the smallest that at least p% of the values do not exceed', () => {
    expect(percentile(waits, 50)).toBe(50);
    expect(percentile(waits, 80)).toBe(80);
    expect(percentile(waits, 95)).toBe(100);
    expect(percentile(waits, 100)).toBe(100);
    expect(percentile(waits, 1)).toBe(10);
  });

  it('does not slip to the next rank where p / 100 × n is inexact (0.07 × 100 = 7.000000000000001)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 7)).toBe(7);
  });

  it('leaves its input unsorted', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });

  it('refuses an empty list and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('percentile of an empty list');
    expect(() => percentile(waits, 0)).toThrow(RangeError);
    expect(() => percentile(waits, 101)).toThrow(RangeError);
    expect(() => percentile(waits, Number.NaN)).toThrow(RangeError);
  });
});
