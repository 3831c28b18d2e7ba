import { warn } from '../core/warn.js';
import { loaders as LOADERS } from './loaders.js';

type Loaders = Record<string, () => Promise<unknown>>;

/** Tags whose module was requested (page-wide: a tag found in two roots is loaded once). */
const requested = new Set<string>();

/**
 * Loads the define module of each Touchpoint tag in `root` — now, and whenever one is added later
 * (a MutationObserver on `root`) — each at most once, and nothing for tags that never appear.
 *
 * Shadow roots are not entered: the observer cannot see inside them. Touchpoint's own elements import
 * what they render; for your own shadow roots call `autoload(shadowRoot)`.
 *
 * Returns a function that stops observing. Observing also stops by itself once every tag is defined.
 */
export function autoload(root: Document | DocumentFragment | Element = document, loaders: Loaders = LOADERS): () => void {
  const waiting = () => Object.keys(loaders).filter((tag) => !requested.has(tag) && !customElements.get(tag));

  const load = (tag: string) => {
    if (requested.has(tag)) return;
    requested.add(tag);
    loaders[tag]!().catch((error: unknown) => {
      // Another mutation may try again (a flaky network is not forever).
      requested.delete(tag);
      __TP_DEV__ && warn(document.documentElement, `the autoloader could not load <${tag}>: ${String(error)}`);
    });
  };

  /** Loads the tags found in and under `nodes` (elements, documents, shadow roots). */
  const scan = (nodes: Iterable<Node>) => {
    const tags = waiting();
    if (tags.length === 0) return;
    const selector = tags.join(',');
    for (const node of nodes) {
      if (node.nodeType === Node.ELEMENT_NODE && tags.includes((node as Element).localName)) load((node as Element).localName);
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
      for (const el of (node as ParentNode).querySelectorAll(selector)) if (!requested.has(el.localName)) load(el.localName);
    }
  };

  scan([root]);
  const observer = new MutationObserver((records) => {
    scan(records.flatMap((r) => [...r.addedNodes]));
    // Nothing left to do once every tag is defined (a failed load is tried again on the next mutation).
    if (Object.keys(loaders).every((tag) => customElements.get(tag))) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
