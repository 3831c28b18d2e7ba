/**
 * Nearest-rank percentile: the smallest observed value that at least `p` percent of the values do not
 * exceed. Chosen over interpolation so every figure is a wait that really happened, never a blend of two.
 * Throws RangeError for an empty list or `p` outside (0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile should be above 0 and at most 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // p * n first keeps whole-number inputs exact: 0.07 * 100 is 7.000000000000001 in floating point.
  return sorted[Math.ceil((p * sorted.length) / 100) - 1];
}
