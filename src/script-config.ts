import { shared } from './core/shared.js';
import { warnAttribute } from './core/warn.js';

/**
 * Applies the site owner's `data-*` settings from the script tag (DESIGN.md "The script tag").
 * Bad values fall back to the default with a dev warning; nothing here throws.
 * Telemetry attributes (`data-endpoint`, `data-consent`, …) are read by the telemetry hub.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement | null): void {
  if (!script) return;
  const locale = script.getAttribute('data-locale');
  if (locale === null) return;
  try {
    Intl.getCanonicalLocales(locale);
    shared().locale = locale;
  } catch {
    __TP_DEV__ && warnAttribute(script, 'data-locale', locale, 'a BCP 47 language tag such as "en-GB"', 'the closest lang');
  }
}
