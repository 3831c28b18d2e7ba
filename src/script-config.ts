import { shared } from './core/shared.js';
import { warnAttribute } from './core/warn.js';

/**
 * Applies the site owner's `data-*` settings from the script tag (DESIGN.md "The script tag").
 * Bad values fall back to the default with a dev warning; nothing here throws.
 * Telemetry attributes (`data-endpoint`, `data-consent`, …) are read by the telemetry hub.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null): void {
  if (!script) return;
  readTheme(script);
  const locale = script.getAttribute('data-locale');
  if (locale === null) return;
  try {
    Intl.getCanonicalLocales(locale);
    shared().locale = locale;
  } catch {
    __TP_DEV__ && warnAttribute(script, 'data-locale', locale, 'a BCP 47 language tag such as "en-GB"', 'the closest lang');
  }
}

/**
 * `data-theme="light"|"dark"` sets the `--tp-color-scheme` token on the root through one
 * constructed stylesheet (allowed under `style-src 'self'`). Every element's host reads it
 * (`:host { color-scheme: var(--tp-color-scheme) }`), and custom properties inherit into shadow
 * roots, so it reaches elements inside other components' shadow DOM too; the elements' colours are
 * `light-dark()` pairs, and popovers inherit the scheme from their host. `auto` (the default)
 * adds nothing: with the token unset the hosts inherit the page's `color-scheme`, so a page that
 * declares `color-scheme: light dark` gets them in the reader's preferred scheme, and a light-only
 * page never gets dark elements. A page's own CSS wins: for the hosts (outer styles beat `:host`),
 * and for the token (the sheet uses `:where`).
 */
function readTheme(script: HTMLOrSVGScriptElement): void {
  const theme = script.getAttribute('data-theme');
  if (theme === 'light' || theme === 'dark') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:where(:root){--tp-color-scheme:${theme}}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else if (theme !== null && theme !== 'auto') {
    __TP_DEV__ && warnAttribute(script, 'data-theme', theme, '"light", "dark" or "auto"', '"auto" (the page’s color-scheme)');
  }
}
