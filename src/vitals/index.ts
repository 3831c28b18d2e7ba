// `touchpoint/vitals`: Core Web Vitals (INP, CLS, LCP) as telemetry events, tied to the Touchpoint
// element they happened in. Opt-in: nothing imports this unless the page asks for it (the script
// tag's `data-vitals` loads dist/touchpoint.vitals.min.js, built from ./cdn.ts).
import { onCLS, onINP, onLCP } from 'web-vitals/attribution';
import { createBridge } from './bridge.js';

/** One bridge per page, even when two copies of Touchpoint load (as the hub: see core/shared.ts). */
const STARTED = Symbol.for('touchpoint.vitals');

/**
 * Starts reporting INP, CLS and LCP as `tp.vitals.inp`, `tp.vitals.cls` and `tp.vitals.lcp` events,
 * through the same `tp-telemetry` path as every component (so the hub's consent, sampling and sinks
 * decide what leaves the page; before a hub starts, they wait in its bounded buffer).
 *
 * Each event's `component` is the Touchpoint element (`tp-*`) that holds the INP interaction target,
 * the CLS largest shift source or the LCP element — across shadow roots — and is absent when none does.
 * Props: `value`, `rating`, `metric_id`, `navigation_type` and the attribution essentials
 * (`interaction_type`, `load_state`, the INP and LCP subparts, `largest_shift_value`).
 *
 * Events are sent when the page is hidden (INP and CLS are only known then), with the value at that
 * moment. A metric id is sent again at a later hide when its value changed meanwhile (the person came
 * back to the tab and had a slower interaction, say): the same `metric_id` with the new `value` and
 * `rating` (and `component`, when a different element now holds the target); unchanged values are not
 * sent again. So analysis keeps the LAST event per `metric_id` (latest `time`) and ignores the earlier
 * ones; each event carries the whole value, never a difference to add up. A page restored from the
 * back/forward cache gets new ids, so new events. Call it in the browser; a second call does nothing.
 */
export function startVitals(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[STARTED]) return;
  g[STARTED] = true;
  const { generateTarget, report, hidden } = createBridge();
  // Every change, not web-vitals' own report on hide: that one runs before web-vitals has processed
  // an interaction still waiting for an idle moment, so a slow click just before leaving was lost.
  const options = { generateTarget, reportAllChanges: true };
  // web-vitals' metric types are interfaces; the bridge reads them through a narrower shape.
  const onReport = report as (metric: unknown) => void;
  onINP(onReport, options);
  onCLS(onReport, options);
  onLCP(onReport, options);
  // A capture listener on the document runs after web-vitals' (on the window, capturing) have
  // reported the last values, and before the hub's (on the document, bubbling) sends what it holds.
  document.addEventListener('visibilitychange', () => document.visibilityState == 'hidden' && hidden(), true);
}
