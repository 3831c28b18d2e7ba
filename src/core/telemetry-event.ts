import { shared } from './shared.js';

/** A telemetry prop: flat primitives only, so every sink can encode it. */
export type TelemetryValue = string | number | boolean | null;
export type TelemetryProps = Record<string, TelemetryValue>;

/** `detail` of the `tp-telemetry` DOM event (DESIGN.md "Contracts"). */
export interface TelemetryDetail {
  /** `tp.<component>.<action>` in lower snake case, e.g. `tp.progress_bar.completed`. */
  name: string;
  component: { tag: string; id: string };
  props: TelemetryProps;
  /** Capture time, epoch milliseconds. */
  time: number;
}

export const TELEMETRY_EVENT = 'tp-telemetry';

/** How many events the page keeps before a hub starts: enough for a page's first moments, never unbounded. */
export const PRE_HUB_BUFFER_SIZE = 100;

declare global {
  interface HTMLElementEventMap {
    'tp-telemetry': CustomEvent<TelemetryDetail>;
  }
  /** It bubbles out of shadow roots to the document, where a hub listens. */
  interface DocumentEventMap {
    'tp-telemetry': CustomEvent<TelemetryDetail>;
  }
}

/**
 * Dispatches one `tp-telemetry` event from `source` (bubbles, composed, so a hub listening on the
 * document hears it from any shadow root). With no hub yet, the event is also kept in the bounded
 * pre-hub buffer, oldest dropped first, for the hub to take when it starts.
 */
export function emitTelemetry(source: EventTarget, detail: TelemetryDetail): void {
  const state = shared();
  // `push` returns the new length.
  if (!state.hub && state.buffer.push(detail) > PRE_HUB_BUFFER_SIZE) state.buffer.shift();
  source.dispatchEvent(new CustomEvent(TELEMETRY_EVENT, { detail, bubbles: true, composed: true }));
}

/** For the hub: takes (and empties, in place) the events captured before it started. */
export const takePreHubEvents = (): TelemetryDetail[] => shared().buffer.splice(0);
