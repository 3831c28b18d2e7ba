// `touchpoint/react`: React components for every Touchpoint element, made with @lit/react. Using a
// component registers its element. Options are props (set as properties); events are `onTp*` props
// with typed events. React is an optional peer dependency: only this entry needs it.
//
// Tree-shakable: each component is its own module (./progress-bar.ts, …) whose only statement is a
// `#__PURE__` call, and this file only re-exports them, so an app bundles the components it uses and
// not the others (tests/e2e/react-tree-shaking.test.ts bundles one import to prove it). Each module is
// also an entry of its own, `touchpoint/react/<component>`, for tools that do not tree-shake.
export { TpBusy } from './busy.js';
export { TpProgressBar } from './progress-bar.js';
export { TpReplyPromise } from './reply-promise.js';
export { TpSteps } from './steps.js';
export { TpSubmitConfirmation } from './submit-confirmation.js';
export { TpToggletip } from './toggletip.js';
export { TpTooltip } from './tooltip.js';
export { TpUnsubscribe } from './unsubscribe.js';
