import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { JsonLogsSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, it } from 'vitest';
import { startTelemetry, track, type TelemetryEvent } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { encodeOtlp, otlpSink } from '../../../src/telemetry/sinks/otlp.js';
import { emitFrom, mountSource, recordingEnv, resetAfterEach } from './helpers.js';

resetAfterEach();

const RESOURCE = { 'service.name': 'shop.example', 'deployment.environment.name': 'production' };

/** Real events, from the hub: a component's (with labels) and two of the site's own. */
async function events(): Promise<TelemetryEvent[]> {
  const sink = memorySink();
  const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
  const section = document.createElement('section');
  section.setAttribute('data-tp-variant', 'b');
  document.body.append(section);
  const source = mountSource();
  section.append(source);
  emitFrom(source, 'completed', { duration_ms: 1234, ratio: 0.25, ok: true, step_code: 'shipping', nothing: null });
  track('site.signup_started', { plan: 'pro', seats: 3 });
  track('site.empty');
  await hub.flush();
  return [...sink.events];
}

/**
 * What the official OpenTelemetry JS SDK writes for the same records: a LoggerProvider with the
 * same resource and scope, one `emit` per event with the attributes the OTLP sink documents, the
 * records exported in memory and serialized by the official OTLP JSON serializer.
 */
async function official(batch: readonly TelemetryEvent[], observed: number): Promise<unknown> {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource: resourceFromAttributes(RESOURCE), processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('touchpoint', __TP_VERSION__);
  for (const event of batch) {
    const labels = Object.fromEntries(Object.entries(event.labels).map(([key, value]) => [`touchpoint.label.${key}`, value]));
    logger.emit({
      eventName: event.name,
      timestamp: event.time,
      observedTimestamp: observed,
      attributes: {
        'log.record.uid': event.id,
        'session.id': event.session,
        'url.path': event.page,
        'touchpoint.page_view': event.page_view,
        'touchpoint.seq': event.seq,
        'touchpoint.sample_rate': event.sample_rate,
        ...(event.component && { 'touchpoint.component.tag': event.component.tag, 'touchpoint.component.id': event.component.id }),
        ...labels,
        ...Object.fromEntries(Object.entries(event.props).filter(([, value]) => value !== null)),
      },
    });
  }
  await provider.forceFlush();
  return JSON.parse(new TextDecoder().decode(JsonLogsSerializer.serializeRequest(exporter.getFinishedLogRecords())));
}

describe('touchpoint/telemetry/otlp', () => {
  it('writes the same OTLP JSON as the official SDK with the official JSON serializer', async () => {
    const batch = await events();
    expect(batch.map((e) => e.name)).toEqual(['tp.test.completed', 'site.signup_started', 'site.empty']);
    const observed = Date.now();
    const ours = JSON.parse(encodeOtlp(batch, RESOURCE, observed)) as unknown;
    expect(ours).toEqual(await official(batch, observed));
    // Not vacuous: the records carry what was tracked.
    const [record] = (ours as { resourceLogs: { scopeLogs: { logRecords: { eventName: string; timeUnixNano: string }[] }[] }[] }).resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(record!.eventName).toBe('tp.test.completed');
    expect(record!.timeUnixNano).toBe(`${batch[0]!.time}000000`);
  });

  it('posts to the endpoint as application/json, with the site as the resource', async () => {
    const { env, posted } = recordingEnv();
    const sink = otlpSink({ endpoint: 'https://otel.example/v1/logs', env, resource: { 'deployment.environment.name': 'test' } });
    expect(sink.name).toBe('otlp');
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    track('site.opened', { n: 1 });
    await hub.flush();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ url: 'https://otel.example/v1/logs', type: 'application/json' });
    const body = JSON.parse(posted[0]!.body) as { resourceLogs: { resource: { attributes: { key: string; value: unknown }[] } }[] };
    expect(body.resourceLogs[0]!.resource.attributes).toEqual(
      expect.arrayContaining([
        { key: 'service.name', value: { stringValue: location.hostname } },
        { key: 'deployment.environment.name', value: { stringValue: 'test' } },
        { key: 'telemetry.sdk.name', value: { stringValue: 'touchpoint' } },
      ]),
    );
  });
});
