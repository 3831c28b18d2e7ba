/** The ARIA a component sets on its own host. */
export type AriaState = Partial<
  Record<'role' | 'ariaLabel' | 'ariaValueNow' | 'ariaValueMin' | 'ariaValueMax' | 'ariaValueText' | 'ariaBusy', string | null>
>;

/**
 * Host ARIA through `ElementInternals`: the page author's own `aria-label`/`aria-labelledby` on the
 * host still win, and the host's attributes stay the author's. Call once per host (internals can
 * be attached once). Only what changed is set: each property set on internals does work in the
 * browser, and most updates change one value. Where internals or ARIA on them are missing
 * (happy-dom, server DOM shims) nothing throws, and the real-browser tests check the
 * accessibility tree.
 */
export function hostAria(host: HTMLElement): (state: AriaState) => void {
  const internals = (host.attachInternals?.() ?? {}) as unknown as Record<string, unknown>;
  return (state: Record<string, unknown>) => {
    for (const key in state) if (internals[key] !== state[key]) internals[key] = state[key];
  };
}
