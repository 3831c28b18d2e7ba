// Scripted progress for the time-remaining stories: value (0..100) at each second. The same
// scripts drive the estimator's unit tests' kind of runs, here in real time for people to watch.

export type ProgressScript = (second: number) => number;

export const uploadScripts: Record<string, ProgressScript> = {
  /** Slow at first (a weak connection), then twice as fast, then a little slower: about 2½ minutes. */
  'Upload with a changing rate': (s) => Math.min(100, s < 40 ? s * 0.4 : s < 100 ? 16 + (s - 40) * 0.8 : 64 + (s - 100) * 0.6),
  /** Steady to 42 %, then nothing moves: after a while it says so instead of a number. */
  'Stalled upload': (s) => Math.min(42, s * 0.7),
};

/** Plays `script` into `target.value` once a second until it reaches 100 or the target leaves the page. */
export function play(target: { value?: number | null; isConnected: boolean }, script: ProgressScript, onEnd?: () => void): void {
  let second = 0;
  target.value = script(0);
  const timer = setInterval(() => {
    const value = script(++second);
    if (!target.isConnected) return clearInterval(timer);
    target.value = value;
    if (value >= 100) {
      clearInterval(timer);
      onEnd?.();
    }
  }, 1000);
}
