/**
 * The page's one Escape stack: every open layer (a tooltip, a toggletip, later a dialog or a menu)
 * registers here while it is open, and Escape dismisses only the topmost — the one opened last.
 * A tooltip shown over an open toggletip closes first; a second Escape then closes the toggletip.
 *
 * One stack per page, even with two copies of Touchpoint loaded: the stack lives on `globalThis`
 * under a registry symbol, and only the first copy installs the (single) key listener.
 *
 * The listener sits on the document in the bubbling phase, so a control that handles Escape
 * itself (a combobox closing its list) and calls `preventDefault()` keeps it; when a layer does
 * take the key, it calls `preventDefault()` too, which also stops Chromium's close request — an
 * open modal `<dialog>` underneath stays open.
 */

/** Called when Escape should close the layer. The layer leaves the stack by calling its `remove()`. */
export type Dismiss = () => void;

interface DismissStack {
  layers: Dismiss[];
  listening?: boolean;
}

const KEY = Symbol.for('touchpoint.dismiss-stack');

function stack(): DismissStack {
  const g = globalThis as unknown as Record<symbol, DismissStack | undefined>;
  return (g[KEY] ??= { layers: [] });
}

function onKeydown(event: KeyboardEvent): void {
  const top = stack().layers.at(-1);
  if (event.key !== 'Escape' || event.defaultPrevented || !top) return;
  event.preventDefault();
  // The layer removes itself once it has really closed: a layer that refuses (its `tp-hide` was
  // cancelled) stays on top and keeps taking Escape, as its author asked.
  top();
}

/**
 * Puts an open layer on top of the stack. Returns `remove`, to call when the layer closes for any
 * reason (Escape, click, script); calling it twice is harmless.
 */
export function pushLayer(dismiss: Dismiss): () => void {
  const state = stack();
  if (!state.listening) {
    state.listening = true;
    document.addEventListener('keydown', onKeydown);
  }
  state.layers.push(dismiss);
  return () => {
    const at = state.layers.lastIndexOf(dismiss);
    if (at >= 0) state.layers.splice(at, 1);
  };
}

/** Whether `dismiss` is the layer Escape would close now. */
export function isTopLayer(dismiss: Dismiss): boolean {
  return stack().layers.at(-1) === dismiss;
}
