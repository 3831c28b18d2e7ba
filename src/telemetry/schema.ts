import type { TelemetryProps } from '../core/telemetry-event.js';

export type { TelemetryProps, TelemetryValue } from '../core/telemetry-event.js';

/**
 * One telemetry event, schema v1 (`touchpoint/schema/event.v1.json` describes the same shape for
 * collectors). Everything a sink receives is one of these.
 */
export interface TelemetryEvent {
  /** Schema version. */
  v: 1;
  /** Random, assigned once at capture: a sink that retries sends the same id, so duplicates can be removed. */
  id: string;
  /** `tp.<component>.<action>` for components; any name for the site's own events. */
  name: string;
  /** Capture time, epoch milliseconds (the same clock as the `tp-telemetry` DOM event). */
  time: number;
  /** 1, 2, 3… per page view, in capture order. Gaps mean events were dropped. */
  seq: number;
  /** Random id of the tab's session; stored in sessionStorage only after consent is granted. */
  session: string;
  /** Random id of this page view: one per page load (a hub restarted on the same page starts a new one). */
  page_view: string;
  /** `location.pathname`: no query string or hash, which often carry personal data. */
  page: string;
  /** The element that emitted the event; absent for the site's own events. */
  component?: { tag: string; id: string };
  /** Flat primitives. Free-text keys are removed unless the site allows them (see `props.ts`). */
  props: TelemetryProps;
  /** The share of sessions that send events (0..1), decided once per session. */
  sample_rate: number;
  /** From `data-tp-*` attributes on the element and its ancestors, across shadow roots. */
  labels: Record<string, string>;
}

/**
 * `pending`: events wait in memory (bounded); nothing is stored or sent.
 * `granted`: events are sent. `denied`: events are dropped and the queue is cleared.
 */
export type ConsentState = 'pending' | 'granted' | 'denied';

/**
 * Why events were lost; the counts travel as props of one `tp.telemetry.dropped` event.
 * `overflow`: the queue was full. `consent_denied`: captured or waiting when consent was denied.
 * `before_send`: `beforeSend` returned null or threw. `sink_error`: a sink threw, rejected or timed out
 * (counted per sink). A sampled-out session is not counted: it never sends anything.
 */
export type DropReason = 'overflow' | 'consent_denied' | 'before_send' | 'sink_error';

/**
 * Where batches go. Sinks only encode and send; the hub has already applied consent, sampling and
 * `beforeSend`. A sink that throws, rejects or never settles loses its own batch and nothing else.
 */
export interface Sink {
  /** For people reading logs and dev tools. */
  name: string;
  /** Every sink receives the same batch: read it, never change it (copy what you need to reshape). */
  send(batch: readonly TelemetryEvent[]): void | Promise<void>;
  /**
   * The page's consent, from the hub: when the sink is added and each time consent is set (the
   * same state may come again). A sink that keeps events across page loads sends them only once
   * told `granted`, and forgets them on `denied` (Global Privacy Control counts as `denied`).
   */
  consent?(state: ConsentState): void;
}
