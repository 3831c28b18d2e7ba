/**
 * `touchpoint/telemetry/segment`: events as Segment spec `track` calls, batched for a
 * Segment-compatible `/v1/batch` endpoint (Segment's HTTP tracking API, RudderStack, Jitsu…), with
 * the HTTP sink's delivery (retries, outbox, consent, page leave: see `touchpoint/telemetry/http`).
 *
 * Each event becomes `{ type: 'track', event, properties, messageId, anonymousId, timestamp,
 * context }`: `event` is the event's name, `properties` its props, `messageId` its id (Segment
 * de-duplicates on it, so a retried batch is kept once), `anonymousId` the tab's session id (never
 * a user id: Touchpoint knows no user), `timestamp` the capture time (ISO 8601), and `context`
 * the library, the page path, the user agent and Touchpoint's own fields (`context.touchpoint`:
 * component, labels, page view, seq, sample rate).
 */
import type { Sink, TelemetryEvent } from '../schema.js';
import { httpSink, type HttpSinkOptions } from './http.js';

export interface SegmentSinkOptions extends Omit<HttpSinkOptions, 'encode' | 'type'> {
  /** The source's write key, sent in the body as `writeKey` (what browser libraries do). */
  writeKey?: string;
}

/**
 * The `/v1/batch` body for `batch`. No `sentAt` (optional in the spec): Segment corrects clock skew
 * with `receivedAt − (sentAt − timestamp)`, and a body kept for a retry would carry the first
 * attempt's `sentAt`, shifting every event by the delay.
 */
export function encodeSegment(batch: readonly TelemetryEvent[], writeKey?: string): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return JSON.stringify({
    batch: batch.map(({ name, props, id, session, time, page, component, labels, page_view, seq, sample_rate }) => ({
      type: 'track',
      event: name,
      properties: props,
      messageId: id,
      anonymousId: session,
      timestamp: iso(time),
      context: {
        library: { name: 'touchpoint', version: __TP_VERSION__ },
        page: { path: page },
        userAgent: globalThis.navigator?.userAgent,
        touchpoint: { component, labels, page_view, seq, sample_rate },
      },
    })),
    writeKey,
  });
}

/** A sink posting Segment `track` calls to `endpoint` (e.g. `https://api.segment.io/v1/batch`). */
export function segmentSink({ writeKey, outbox, ...options }: SegmentSinkOptions): Sink {
  return {
    ...httpSink({ ...options, outbox: { key: 'tp-outbox-segment', ...outbox }, encode: (batch) => encodeSegment(batch, writeKey) }),
    name: 'segment',
  };
}
