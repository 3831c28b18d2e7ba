import { warn } from './warn.js';

/** Classes carry the version that defined them, so a second copy can tell whether it differs. */
export interface VersionedElement extends CustomElementConstructor {
  tpVersion?: string;
}

/**
 * Registers `tag` unless it already is: a second copy of Touchpoint on the page (an npm bundle plus
 * the script tag) must never throw "already defined". In dev builds, a different version is named.
 * Does nothing where `customElements` does not exist (Node, SSR).
 */
export function define(tag: string, ctor: VersionedElement): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    ctor.tpVersion = __TP_VERSION__;
    customElements.define(tag, ctor);
    return;
  }
  if (__TP_DEV__ && existing !== ctor && existing.tpVersion !== __TP_VERSION__) {
    warn(
      document.documentElement,
      `<${tag}> is already defined by Touchpoint ${existing.tpVersion ?? '(unknown version)'}; this copy (${__TP_VERSION__}) is not used. Load one copy.`,
    );
  }
}
