import { shared } from './shared.js';

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
