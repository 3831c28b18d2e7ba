// `touchpoint/react`: React components for every Touchpoint element, made with @lit/react. Importing
// this module registers the elements. Options are props (set as properties); events are `onTp*`
// props with typed events. React is an optional peer dependency: only this entry needs it.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { TpBusy as BusyElement } from '../busy/define.js';
import { TpProgressBar as ProgressBarElement } from '../progress-bar/define.js';
import { TpReplyPromise as ReplyPromiseElement } from '../reply-promise/define.js';
import { TpSteps as StepsElement } from '../steps/define.js';
import { TpSubmitConfirmation as SubmitConfirmationElement } from '../submit-confirmation/define.js';
import { TpToggletip as ToggletipElement } from '../toggletip/define.js';
import { TpTooltip as TooltipElement } from '../tooltip/define.js';
import { TpUnsubscribe as UnsubscribeElement } from '../unsubscribe/define.js';

const event = <K extends keyof HTMLElementEventMap>(name: K) => name as EventName<HTMLElementEventMap[K]>;

/** Every element reports telemetry. */
const telemetry = { onTpTelemetry: event('tp-telemetry') };
/** Tooltips and toggletips: before (cancelable) and after showing and hiding. */
const popover = {
  ...telemetry,
  onTpShow: event('tp-show'),
  onTpAfterShow: event('tp-after-show'),
  onTpHide: event('tp-hide'),
  onTpAfterHide: event('tp-after-hide'),
};

export const TpBusy = createComponent({ react: React, tagName: 'tp-busy', elementClass: BusyElement, events: telemetry });
export const TpProgressBar = createComponent({ react: React, tagName: 'tp-progress-bar', elementClass: ProgressBarElement, events: telemetry });
export const TpReplyPromise = createComponent({ react: React, tagName: 'tp-reply-promise', elementClass: ReplyPromiseElement, events: telemetry });
export const TpSteps = createComponent({ react: React, tagName: 'tp-steps', elementClass: StepsElement, events: telemetry });
export const TpSubmitConfirmation = createComponent({
  react: React,
  tagName: 'tp-submit-confirmation',
  elementClass: SubmitConfirmationElement,
  events: { ...telemetry, onTpSubmitted: event('tp-submitted') },
});
export const TpToggletip = createComponent({ react: React, tagName: 'tp-toggletip', elementClass: ToggletipElement, events: popover });
export const TpTooltip = createComponent({ react: React, tagName: 'tp-tooltip', elementClass: TooltipElement, events: popover });
export const TpUnsubscribe = createComponent({
  react: React,
  tagName: 'tp-unsubscribe',
  elementClass: UnsubscribeElement,
  events: { ...telemetry, onTpUnsubscribeSaved: event('tp-unsubscribe-saved') },
});
