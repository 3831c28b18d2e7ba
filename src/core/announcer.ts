/**
 * One polite live region for the whole page, shared by every component (and every copy of
 * Touchpoint, found by id). Screen readers only announce changes to a live region that was already
 * in the accessibility tree, so components that will announce call `ensureAnnouncer()` when they
 * connect, and `announce()` writes after a short delay when it had to create the region itself.
 */
const ID = 'tp-announcer';
/** Long enough for the accessibility tree to pick up a region created in the same task. */
const SETTLE_MS = 150;

export function ensureAnnouncer(): { region: HTMLElement; created: boolean } | null {
  if (typeof document === 'undefined' || !document.body) return null;
  const existing = document.getElementById(ID);
  if (existing) return { region: existing, created: false };
  const region = document.createElement('div');
  region.id = ID;
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  // Visually hidden but in the accessibility tree. CSSOM, not a style attribute: allowed under a strict CSP.
  Object.assign(region.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  document.body.append(region);
  return { region, created: true };
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** Says `text` politely. The region is emptied first so the same sentence twice is read twice. */
export function announce(text: string): void {
  const found = ensureAnnouncer();
  if (!found) return;
  const { region, created } = found;
  region.textContent = '';
  clearTimeout(pending);
  pending = setTimeout(() => (region.textContent = text), created ? SETTLE_MS : 50);
}
