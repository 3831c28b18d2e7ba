// Tag types and event types, as a TypeScript user of the package meets them.
import 'touchpoint/submit-confirmation';
import 'touchpoint/tooltip';
import { autoload, type AutoloadedTag } from 'touchpoint/autoloader';
import type { TpTag } from 'touchpoint/jsx';
import type { TpProgressBar, TpSubmitConfirmation, TpTooltip, TelemetryDetail } from 'touchpoint';

// Tags: createElement and querySelector know each element's class.
const tooltip: TpTooltip = document.createElement('tp-tooltip');
const form: TpSubmitConfirmation | null = document.querySelector('tp-submit-confirmation');
const bar: TpProgressBar | null = document.querySelector('tp-progress-bar');
// @ts-expect-error a tooltip is not a progress bar
const wrong: TpProgressBar = document.createElement('tp-tooltip');

// Lifecycle events carry no detail, and can be cancelled.
tooltip.addEventListener('tp-show', (event) => {
  const detail: null = event.detail;
  event.preventDefault();
  return detail;
});
// @ts-expect-error tp-show has no detail to read a reference from
tooltip.addEventListener('tp-hide', (event) => event.detail.reference);

// tp-submitted: the reference, the back end's Response and the promise made (or null).
form?.addEventListener('tp-submitted', (event) => {
  const reference: string = event.detail.reference;
  const response: Response = event.detail.response;
  const deadline: number | undefined = event.detail.promise?.deadline;
  return [reference, response, deadline];
});
form?.addEventListener('tp-submitted', (event) => {
  // @ts-expect-error the reference is a string
  const reference: number = event.detail.reference;
  return reference;
});

// tp-telemetry, on an element or on the document (it bubbles and is composed).
bar?.addEventListener('tp-telemetry', (event) => {
  const detail: TelemetryDetail = event.detail;
  return detail.component.tag;
});
document.addEventListener('tp-telemetry', (event) => event.detail.name.startsWith('tp.'));
// @ts-expect-error props are flat primitives: no objects
document.addEventListener('tp-telemetry', (event) => event.detail.props.x satisfies object);

// Every tag the autoloader loads has a tag type (and so JSX types, see react.tsx and preact.tsx).
const everyTagTyped: [Exclude<AutoloadedTag, TpTag>] extends [never] ? true : false = true;
const stop: () => void = autoload(document.body);

export { wrong, everyTagTyped, stop };
