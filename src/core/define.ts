import { warn } from './warn.js';

/** Classes carry the version that defined them, so a second copy can tell whether it differs. */
export interface VersionedElement extends CustomElementConstructor {
  tpVersion?: string;
}

/**
 * Registers `tag` unless it already is: a second copy of Touchpoint on the page (an npm bundle plus
 * the script tag) must never throw "already defined". The first copy keeps its elements. In dev
 * builds, one warning per page says a second copy loaded (it costs bytes) and names both versions.
 * Does nothing where `customElements` does not exist (Node, SSR).
 */
export function define(tag: string, ctor: VersionedElement): void {
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  const existing = registry?.get(tag) as VersionedElement | undefined;
  if (registry && !existing) {
    ctor.tpVersion = __TP_VERSION__;
    registry.define(tag, ctor);
    return;
  }
  if (__TP_DEV__ && existing && existing !== ctor) {
    warn(
      document.documentElement,
      `Touchpoint ${__TP_VERSION__} loaded a second time; its elements are already defined by Touchpoint ${existing.tpVersion ?? '(unknown version)'}, which keeps them. Load one copy.`,
    );
  }
}
