/** @jsxImportSource preact */
// Preact: Touchpoint tags in JSX (touchpoint/jsx/preact).
import type { JSX } from 'preact';
import type { AutoloadedTag } from 'touchpoint/autoloader';
import type {} from 'touchpoint/jsx/preact';

export const tags = (
  <>
    <tp-progress-bar value={40} max={100} label="Uploading" class="upload" />
    <tp-tooltip for="save" placement="left" ontp-show={(event) => event.preventDefault()}>
      Saves a draft
    </tp-tooltip>
    <tp-submit-confirmation ontp-submitted={(event) => event.detail.reference.toUpperCase()} />
    {/* @ts-expect-error placement is one of the documented placements */}
    <tp-tooltip placement="middle" />
    {/* @ts-expect-error the reference is a string, not a number */}
    <tp-submit-confirmation ontp-submitted={(event) => event.detail.reference.toFixed()} />
  </>
);

export const everyTagInJsx: [Exclude<AutoloadedTag, keyof JSX.IntrinsicElements>] extends [never] ? true : false = true;
