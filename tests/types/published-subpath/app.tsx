// Only one wrapper, from its own subpath: its element's tag, props and events come along with it.
import { TpProgressBar } from 'touchpoint/react/progress-bar';

export const view = (
  <>
    <TpProgressBar value={40} label="Uploading" showValue onTpTelemetry={(event) => event.detail.name} />
    {/* @ts-expect-error value is a number */}
    <TpProgressBar value="forty" />
  </>
);

document.createElement('tp-progress-bar').max satisfies number;
// @ts-expect-error the subpath brings its own element's types, not the others'
document.createElement('tp-busy').busy satisfies boolean;
