import { resolveLocale } from './locale.js';
import { shared } from './shared.js';

// `resolveLocale` lives in core/locale.ts (re-exported here), so that an element that shows no
// messages (`<tp-progress-bar>`, which needs only TpElement's `locale`) does not carry `message()`:
// its on-demand estimate chunk brings it.
export { resolveLocale };

/** A component's built-in strings: locale → key → template (`{name}` placeholders). */
export type Catalogue = Record<string, Record<string, string>>;

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
