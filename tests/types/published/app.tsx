// Only the JSX types and one wrapper: the tags and events must come along with them.
import type {} from 'touchpoint/jsx/react';
import { TpSubmitConfirmation } from 'touchpoint/react';

export const view = (
  <>
    <tp-tooltip placement="bottom" ontp-show={(event) => event.detail satisfies null} />
    <tp-steps current={2} />
    <TpSubmitConfirmation onTpSubmitted={(event) => event.detail.reference.toUpperCase()} />
    {/* @ts-expect-error placement is one of the documented placements */}
    <tp-tooltip placement="middle" />
    {/* @ts-expect-error the reference is a string */}
    <TpSubmitConfirmation onTpSubmitted={(event) => event.detail.reference satisfies number} />
  </>
);

document.createElement('tp-busy').busy satisfies boolean;
document.querySelector('tp-toggletip')?.addEventListener('tp-telemetry', (event) => event.detail.props);
