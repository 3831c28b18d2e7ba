// Every public class and type. Registers nothing: import `touchpoint/<component>` to define a tag.
export { TpElement } from './core/element.js';
export { define } from './core/define.js';
export { setMessages, type Catalogue } from './core/i18n.js';
export { announce } from './core/announcer.js';
export {
  TELEMETRY_EVENT,
  PRE_HUB_BUFFER_SIZE,
  takePreHubEvents,
  type TelemetryDetail,
  type TelemetryProps,
  type TelemetryValue,
} from './core/telemetry-event.js';
export { TpProgressBar } from './progress-bar/progress-bar.js';
export { TpTooltip, type TooltipVia } from './tooltip/tooltip.js';
export { TpToggletip } from './toggletip/toggletip.js';
export { TpReplyPromise } from './reply-promise/reply-promise.js';
export { TpSubmitConfirmation } from './submit-confirmation/submit-confirmation.js';
export { TpSteps } from './steps/steps.js';
export { TpBusy } from './busy/busy.js';
export { TpUnsubscribe, type UnsubscribeAction, type UnsubscribeBody, type UnsubscribeState, type UnsubscribeTopic } from './unsubscribe/unsubscribe.js';
export { EstimateController, type EstimateControllerOptions } from './progress-bar/estimate-controller.js';
export { Estimator, estimateText, type Estimate, type EstimatorOptions } from './progress-bar/estimate.js';
