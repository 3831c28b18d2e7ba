/** The ARIA a component sets on its own host. */
export type AriaState = Partial<
  Record<'role' | 'ariaLabel' | 'ariaValueNow' | 'ariaValueMin' | 'ariaValueMax' | 'ariaValueText' | 'ariaBusy', string | null>
>;

/**
 * Host ARIA through `ElementInternals`: the page author's own `aria-label`/`aria-labelledby` on the
 * host still win, and the host's attributes stay the author's. Every browser Touchpoint supports
 * has ARIA on internals; where it is missing (happy-dom, server DOM shims) this does nothing
 * rather than throw, and the real-browser tests check the accessibility tree.
 */
export function hostAria(host: HTMLElement): (state: AriaState) => void {
  let internals: ElementInternals | undefined;
  try {
    internals = host.attachInternals?.();
  } catch {
    // Already attached by another caller: nothing to set.
  }
  return (state) => internals && 'role' in internals && Object.assign(internals, state);
}
