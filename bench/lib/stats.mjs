// Medians and ranges. The machines are noisy, so a number is never reported without its spread,
// and a ratio is only ever taken between two libraries measured in the same run.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{ median, min, max, samples }` of a series of runs. */
export function summarize(samples) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

/**
 * Run-by-run ratios of `samples` to `reference` (the same run's bare-Lit value), summarized.
 * Undefined when the reference is zero in any run: there is no meaningful ratio then.
 */
export function ratios(samples, reference) {
  if (samples.length !== reference.length || reference.some((r) => !(r > 0))) return undefined;
  return summarize(samples.map((value, run) => value / reference[run]));
}
