import { warn } from '../core/warn.js';

/** The file `data-vitals` loads, from the folder touchpoint.min.js came from. */
export const VITALS_SCRIPT = 'touchpoint.vitals.min.js';

/** The part of Trusted Types used here (not in TypeScript's DOM library). */
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): { createScriptURL(input: string): unknown };
}

/**
 * `data-vitals` on the script tag (DESIGN.md "The script tag"): adds a classic `<script>` for
 * touchpoint.vitals.min.js from the same folder, so pages that do not ask load none of it.
 * Same origin as touchpoint.min.js, so `script-src 'self'` allows it; the tag's nonce is copied for
 * nonce-based policies. Under Trusted Types the URL comes from a policy named `touchpoint` that can
 * create this one URL and nothing else (the page's CSP lists it: `trusted-types touchpoint`).
 */
export function loadVitals(script: HTMLOrSVGScriptElement | null): void {
  if (!script?.hasAttribute('data-vitals')) return;
  const tag = document.createElement('script');
  try {
    // Throws for a tag without `src` (nothing to be next to) and when the policy is not allowed.
    const url = new URL(VITALS_SCRIPT, (script as HTMLScriptElement).src).href;
    const types = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    tag.src = (types ? types.createPolicy('touchpoint', { createScriptURL: () => url }).createScriptURL(url) : url) as string;
  } catch (error) {
    __TP_DEV__ && warn(script as Element, `data-vitals: could not load ${VITALS_SCRIPT} (${String(error)}); Web Vitals are not reported.`);
    return;
  }
  // Added by script, it runs async: nothing on the page waits for it.
  tag.nonce = script.nonce ?? '';
  document.head.append(tag);
}
