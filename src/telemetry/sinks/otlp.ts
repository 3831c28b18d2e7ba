/**
 * `touchpoint/telemetry/otlp`: events as OpenTelemetry logs, OTLP/HTTP JSON, posted to a
 * Collector's `/v1/logs` (examples/collector/otel-collector.yaml), with the HTTP sink's delivery
 * (retries, outbox, consent, page leave: see `touchpoint/telemetry/http`).
 *
 * One log record per event: `eventName` is the event's name; `timeUnixNano` its capture time,
 * `observedTimeUnixNano` when it was encoded; the attributes are its props (as written) and its
 * fields: `log.record.uid` (the id: de-duplicate on it downstream, since a retry may deliver a
 * record twice), `session.id`, `url.path`, `touchpoint.page_view`, `touchpoint.seq`,
 * `touchpoint.sample_rate`, `touchpoint.component.tag`/`.id` and `touchpoint.label.<key>`. The
 * resource says which site: `service.name` (default: the page's host name) plus `resource`.
 * The same JSON as the official SDK (`@opentelemetry/sdk-logs` with the OTLP JSON serializer)
 * writes for the same records: tests/unit/telemetry/otlp.test.ts compares them.
 */
import type { Sink, TelemetryEvent, TelemetryValue } from '../schema.js';
import { httpSink, type HttpSinkOptions } from './http.js';

export interface OtlpSinkOptions extends Omit<HttpSinkOptions, 'encode' | 'type'> {
  /** `service.name` of the resource. Default: `location.hostname`. */
  service?: string;
  /** More resource attributes, e.g. `{ 'deployment.environment.name': 'production' }`. */
  resource?: Record<string, TelemetryValue>;
}

type Attribute = { key: string; value: Record<string, TelemetryValue> };

/** OTLP JSON attributes; `null` values are left out, as the SDK does. */
function attributes(values: Record<string, TelemetryValue | undefined>): Attribute[] {
  const list: Attribute[] = [];
  for (const key in values) {
    const value = values[key];
    if (value != null) {
      list.push({
        key,
        value: {
          [typeof value == 'string' ? 'stringValue' : typeof value == 'boolean' ? 'boolValue' : Number.isInteger(value) ? 'intValue' : 'doubleValue']: value,
        },
      });
    }
  }
  return list;
}

/** Epoch milliseconds as OTLP's nanoseconds, a decimal string (too big for a JSON number). */
const nanos = (ms: number) => `${Math.round(ms)}000000`;

/** The OTLP/HTTP JSON body (`ExportLogsServiceRequest`) for `batch`. */
export function encodeOtlp(batch: readonly TelemetryEvent[], resource: Record<string, TelemetryValue>, now = Date.now()): string {
  return JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: attributes(resource), droppedAttributesCount: 0 },
        scopeLogs: [
          {
            scope: { name: 'touchpoint', version: __TP_VERSION__ },
            logRecords: batch.map((event) => {
              const fields: Record<string, TelemetryValue | undefined> = {
                'log.record.uid': event.id,
                'session.id': event.session,
                'url.path': event.page,
                'touchpoint.page_view': event.page_view,
                'touchpoint.seq': event.seq,
                'touchpoint.sample_rate': event.sample_rate,
                'touchpoint.component.tag': event.component?.tag,
                'touchpoint.component.id': event.component?.id,
              };
              for (const key in event.labels) fields[`touchpoint.label.${key}`] = event.labels[key];
              return {
                timeUnixNano: nanos(event.time),
                observedTimeUnixNano: nanos(now),
                // What the SDK writes for a record without a body: an empty AnyValue.
                body: {},
                eventName: event.name,
                attributes: attributes({ ...fields, ...event.props }),
                droppedAttributesCount: 0,
              };
            }),
          },
        ],
      },
    ],
  });
}

/** A sink posting OTLP/HTTP JSON logs to `endpoint` (a Collector's `…/v1/logs`). */
export function otlpSink({ service, resource, outbox, ...options }: OtlpSinkOptions): Sink {
  const attributes = { 'service.name': service ?? location.hostname, 'telemetry.sdk.name': 'touchpoint', 'telemetry.sdk.language': 'webjs', 'telemetry.sdk.version': __TP_VERSION__, ...resource };
  return {
    ...httpSink({ ...options, outbox: { key: 'tp-outbox-otlp', ...outbox }, encode: (batch) => encodeOtlp(batch, attributes) }),
    name: 'otlp',
  };
}
