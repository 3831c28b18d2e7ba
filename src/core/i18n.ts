import { shared } from './shared.js';

/** A component's built-in strings: locale → key → template (`{name}` placeholders). */
export type Catalogue = Record<string, Record<string, string>>;

/**
 * The element's locale: the site owner's `data-locale` if set, else the closest `lang` attribute,
 * walking out of shadow roots through their hosts, else the browser's language. A tag `Intl`
 * would reject (it would throw) gives `en`.
 */
export function resolveLocale(el: Element): string {
  // `tag` stays unset (null, undefined) while no `lang` is found; the walk ends past the document.
  let tag: string | null | undefined = shared().locale;
  for (let node: Node | undefined = el; !tag && node; node = node.parentNode ?? (node as ShadowRoot).host) {
    tag = (node as Element).getAttribute?.('lang');
  }
  tag ||= globalThis.navigator?.language;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Overrides built-in strings for a locale, e.g. `setMessages('en', { 'progress_bar.name': 'Upload' })`.
 * Applies to every copy of Touchpoint on the page and to elements rendered afterwards.
 */
export function setMessages(locale: string, messages: Record<string, string>): void {
  const all = shared().messages;
  all[locale] = { ...all[locale], ...messages };
}

/**
 * A string for `el` in its locale: the site owner's override first, then the component's
 * catalogue, trying `de-AT`, then `de`, then `en`. Placeholders are filled as text, never markup.
 */
export function message(el: Element, catalogue: Catalogue, key: string, vars: Record<string, string> = {}): string {
  const locale = resolveLocale(el);
  const overrides = shared().messages;
  for (const tag of [locale, locale.split('-')[0]!, 'en']) {
    const template = overrides[tag]?.[key] ?? catalogue[tag]?.[key];
    if (template !== undefined) return template.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
  }
  return key;
}
