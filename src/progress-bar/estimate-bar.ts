import { html } from 'lit';
import type { AriaState } from '../core/aria.js';
import { message } from '../core/i18n.js';
import { EstimateController } from './estimate-controller.js';
import { estimateMessages } from './estimate-messages.js';
import type { TpProgressBar } from './progress-bar.js';

/** What `<tp-progress-bar>` keeps of its estimate (the controller, and the row it renders), and its ARIA setter. */
interface EstimatingBar {
  estimator?: EstimateController;
  estimatePart?: () => unknown;
  setAria: (state: AriaState) => void;
}

/**
 * Loaded by `<tp-progress-bar>` the first time `estimate` is on (a chunk of its own in the ESM
 * build, so bars without an estimate never load the estimator). Gives the bar its
 * `EstimateController` once: the controller samples value and max after every update, shows its
 * text while `estimate` is on, and keeps learning the rate, silently, while it is off.
 *
 * While the estimate is shown it is also part of the bar's `aria-valuetext` ("45% — About 2 minutes
 * left", from the `estimate.valuetext` message), so a screen reader user who moves to the bar hears
 * it, not only the polite announcements. Done here, by wrapping the bar's ARIA setter, so the bar's
 * own code stays as small without an estimate: the controller re-renders the bar whenever its text
 * changes, and every render sets the value text through this wrapper. An indeterminate bar has no
 * value text, and gets none.
 */
export function attachEstimate(bar: TpProgressBar): void {
  const host = bar as unknown as EstimatingBar;
  if (host.estimator) return;
  const estimator = (host.estimator = new EstimateController(bar));
  // Rendered by the bar between its label row and its track.
  host.estimatePart = () => {
    const text = bar.estimate && estimator.text;
    return text ? html`<div part="estimate" class="header">${text}</div>` : null;
  };
  const setAria = host.setAria;
  host.setAria = (state) => {
    const estimate = bar.estimate && estimator.text;
    const value = state.ariaValueText;
    setAria(
      estimate && value
        ? { ...state, ariaValueText: message(bar, estimateMessages, 'estimate.valuetext', { value, estimate }) }
        : state,
    );
  };
  bar.addController({ hostUpdate: () => (estimator.visible = !!bar.estimate) });
  // The update that brings the first sample.
  bar.requestUpdate();
}
