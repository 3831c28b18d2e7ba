import { EstimateController } from './estimate-controller.js';
import type { TpProgressBar } from './progress-bar.js';

/** What `<tp-progress-bar>` keeps of its estimate: the controller, once loaded. */
interface EstimatingBar {
  estimator?: EstimateController;
}

/**
 * Loaded by `<tp-progress-bar>` the first time `estimate` is on (a chunk of its own in the ESM
 * build, so bars without an estimate never load the estimator). Gives the bar its
 * `EstimateController` once: the controller samples value and max after every update, shows its
 * text while `estimate` is on, and keeps learning the rate, silently, while it is off.
 */
export function attachEstimate(bar: TpProgressBar): void {
  const host = bar as unknown as EstimatingBar;
  if (host.estimator) return;
  const estimator = (host.estimator = new EstimateController(bar));
  bar.addController({ hostUpdate: () => (estimator.visible = !!bar.estimate) });
  // The update that brings the first sample.
  bar.requestUpdate();
}
