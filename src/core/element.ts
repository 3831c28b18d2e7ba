import { LitElement } from 'lit';
import { resolveLocale } from './locale.js';
import { shared } from './shared.js';
import { emitTelemetry, type TelemetryProps } from './telemetry-event.js';

/**
 * The base of every Touchpoint element: telemetry through `track()` and locale resolution.
 * Components know nothing about sinks; the hub (if any) listens on the document.
 */
export class TpElement extends LitElement {
  // touchpoint/vitals names elements the same way, into this same field (`describe()` in
  // src/vitals/bridge.ts: elements there may be not upgraded, or from another copy of Touchpoint); a
  // change here goes there too (tests/unit/vitals.test.ts checks they agree). Not one shared function:
  // inlined here, every variant tried cost progress-bar and steps 8 to 15 bytes gzip they do not have.
  /** `component.id` when the element has no `id`: `tp-progress-bar-3`, unique on the page. */
  private instanceName?: string;

  /**
   * Records `tp.<component>.<action>` (`tp-progress-bar` → `tp.progress_bar.<action>`) with flat
   * props, as one bubbling, composed `tp-telemetry` event.
   */
  protected track(action: string, props: TelemetryProps = {}): void {
    const tag = this.localName;
    emitTelemetry(this, {
      name: `tp.${tag.slice(3).replace(/-/g, '_')}.${action}`,
      component: { tag, id: this.id || (this.instanceName ??= `${tag}-${++shared().instances}`) },
      props,
      time: Date.now(),
    });
  }

  /** The locale strings and numbers are shown in (see `resolveLocale`). */
  protected get locale(): string {
    return resolveLocale(this);
  }
}
