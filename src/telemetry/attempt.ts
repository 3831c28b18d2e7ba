/** Runs `fn`; a throw becomes `undefined`. For calls that must never break the page (storage, site hooks). */
export function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    // Nothing to do: the caller reads `undefined`.
  }
}
