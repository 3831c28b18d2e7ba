// The <tp-submit-confirmation> React component (`touchpoint/react/submit-confirmation`, and in
// `touchpoint/react`). Using it registers <tp-submit-confirmation> and the <tp-reply-promise> it
// renders; an app that imports it and does not use it bundles none of it (see ./wrap.ts).
import type { ReactWebComponent } from '@lit/react';
import type { TpSubmitConfirmation as Instance } from '../submit-confirmation/define.js';
import { TpSubmitConfirmation as ElementClass } from '../submit-confirmation/submit-confirmation.js';
import { TpReplyPromise as InnerClass } from '../reply-promise/reply-promise.js';
import { wrap, type On } from './wrap.js';

const events = {
  onTpTelemetry: 'tp-telemetry' as On<'tp-telemetry'>,
  onTpSubmitted: 'tp-submitted' as On<'tp-submitted'>,
};

export const TpSubmitConfirmation: ReactWebComponent<Instance, typeof events> = /*#__PURE__*/ wrap('tp-submit-confirmation', ElementClass, events, ['tp-reply-promise', InnerClass]);
