/**
 * Labels from `data-tp-*` attributes on `node` and its ancestors, crossing shadow roots to their
 * hosts, so `<section data-tp-variant="b">` gives every component inside it, however deeply nested,
 * the label `variant: "b"`. The nearest attribute wins; `data-tp-<key>` becomes label `<key>` as written.
 */
export function labelsOf(node: EventTarget | null | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  // Only elements have attributes: the walk ends at the document (or a detached subtree's root).
  for (let el = node as Element | null | undefined; el?.attributes; el = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host) {
    for (const { name, value } of el.attributes) if (name.startsWith('data-tp-')) labels[name.slice(8)] ??= value;
  }
  return labels;
}
