/**
 * The one dev-warning helper. Call it behind `__TP_DEV__` (`__TP_DEV__ && warn(...)`) so production
 * builds drop both the call and its strings. Each distinct message is printed once per page.
 */
const seen = new Set<string>();

function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  return `<${el.localName}${id}>`;
}

export function warn(el: Element, message: string): void {
  const text = `[touchpoint] ${describe(el)}: ${message}`;
  if (seen.has(text)) return;
  seen.add(text);
  console.warn(text);
}

/**
 * A bad attribute value: names the element, the attribute, the value received, what is accepted
 * and what the element does instead.
 */
export function warnAttribute(el: Element, attribute: string, value: unknown, accepted: string, fallback: string): void {
  warn(el, `${attribute}="${String(value)}" is not accepted (expected ${accepted}); using ${fallback}.`);
}
