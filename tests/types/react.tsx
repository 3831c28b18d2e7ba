// React 19: Touchpoint tags in JSX (touchpoint/jsx/react) and the @lit/react wrappers (touchpoint/react).
import type { JSX } from 'react';
import type { AutoloadedTag } from 'touchpoint/autoloader';
import type {} from 'touchpoint/jsx/react';
import { TpProgressBar, TpSubmitConfirmation, TpTooltip } from 'touchpoint/react';
import { TpTooltip as TpTooltipAlone } from 'touchpoint/react/tooltip';

export const tags = (
  <>
    <tp-progress-bar value={40} max={100} label="Uploading" show-value className="upload" />
    <button id="save">Save</button>
    <tp-tooltip for="save" placement="bottom-start" showDelay={300} ontp-show={(event) => event.preventDefault()} ontp-after-hide={(event) => event.detail satisfies null}>
      Saves a draft
    </tp-tooltip>
    <tp-submit-confirmation ontp-submitted={(event) => event.detail.reference.toUpperCase()} />
    {/* @ts-expect-error placement is one of the documented placements */}
    <tp-tooltip placement="middle" />
    {/* @ts-expect-error value is a number */}
    <tp-progress-bar value="forty" />
    {/* @ts-expect-error the reference is a string, not a number */}
    <tp-submit-confirmation ontp-submitted={(event) => event.detail.reference.toFixed()} />
    {/* @ts-expect-error state is read-only (React would set it as a property, and throw) */}
    <tp-unsubscribe state="done" />
    {/* @ts-expect-error no such element */}
    <tp-nothing />
  </>
);

export const wrappers = (
  <>
    <TpProgressBar value={40} label="Uploading" onTpTelemetry={(event) => event.detail.name} />
    <TpTooltip content="Saves a draft" placement="top" onTpShow={(event) => event.preventDefault()}>
      <button>Save</button>
    </TpTooltip>
    <TpSubmitConfirmation onTpSubmitted={(event) => event.detail.response.status} />
    {/* @ts-expect-error the reference is a string */}
    <TpSubmitConfirmation onTpSubmitted={(event) => event.detail.reference satisfies number} />
    {/* @ts-expect-error value is a number */}
    <TpProgressBar value="forty" />
    {/* The same component from its own subpath (touchpoint/react/tooltip). */}
    <TpTooltipAlone content="Saves a draft" onTpHide={(event) => event.detail satisfies null} />
    {/* @ts-expect-error placement is one of the documented placements */}
    <TpTooltipAlone placement="middle" />
  </>
);
export const sameTooltip: typeof TpTooltip = TpTooltipAlone;

// Every tag the autoloader can load is a JSX intrinsic element.
export const everyTagInJsx: [Exclude<AutoloadedTag, keyof JSX.IntrinsicElements>] extends [never] ? true : false = true;
