import { describe, expect, it } from 'vitest';
import { startTelemetry, track, type TelemetryEvent } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { encodeSegment, segmentSink } from '../../../src/telemetry/sinks/segment.js';
import { emitFrom, mountSource, recordingEnv, resetAfterEach } from './helpers.js';

resetAfterEach();

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Segment spec's rules for a `track` call in a `/v1/batch` body (segment.com/docs/connections/spec:
 * "Common fields", "Track", and the HTTP Tracking API's batch limits): the problems found, none when valid.
 */
function specProblems(body: string): string[] {
  const problems: string[] = [];
  if (body.length > 500 * 1024) problems.push('batch over 500 KB');
  const { batch, sentAt } = JSON.parse(body) as { batch: Record<string, unknown>[]; sentAt?: unknown };
  if (!Array.isArray(batch)) return ['no batch array'];
  // A body can be kept and retried later: a sentAt fixed at encoding would skew every timestamp.
  if (sentAt !== undefined) problems.push('sentAt is in a body that may be retried later');
  batch.forEach((call, i) => {
    const at = (what: string) => problems.push(`batch[${i}]: ${what}`);
    if (JSON.stringify(call).length > 32 * 1024) at('call over 32 KB');
    if (call.type !== 'track') at('type is not "track"');
    // Required: a user id or an anonymous id, and the event name.
    if (typeof call.userId !== 'string' && typeof call.anonymousId !== 'string') at('neither userId nor anonymousId');
    if (typeof call.event !== 'string' || !call.event) at('no event name');
    if (typeof call.messageId !== 'string' || !call.messageId) at('no messageId');
    if (typeof call.timestamp !== 'string' || !ISO_8601.test(call.timestamp)) at('timestamp is not ISO 8601');
    for (const key of ['properties', 'context'] as const) {
      if (call[key] !== undefined && (typeof call[key] !== 'object' || call[key] === null || Array.isArray(call[key]))) at(`${key} is not an object`);
    }
    const context = call.context as { library?: { name?: unknown; version?: unknown } } | undefined;
    if (typeof context?.library?.name !== 'string' || typeof context.library.version !== 'string') at('context.library without name and version');
  });
  return problems;
}

async function events(): Promise<TelemetryEvent[]> {
  const sink = memorySink();
  const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
  emitFrom(mountSource(), 'completed', { duration_ms: 1234, ok: true });
  track('site.signup_started', { plan: 'pro' });
  await hub.flush();
  return [...sink.events];
}

describe('touchpoint/telemetry/segment', () => {
  it('writes track calls with every field the Segment spec requires', async () => {
    const batch = await events();
    const body = encodeSegment(batch, 'wk_123');
    expect(specProblems(body)).toEqual([]);
    const { batch: calls, writeKey } = JSON.parse(body) as { batch: Record<string, any>[]; writeKey: string };
    expect(writeKey).toBe('wk_123');
    expect(calls).toHaveLength(2);
    calls.forEach((call, i) => {
      const event = batch[i]!;
      expect(call).toMatchObject({
        type: 'track',
        event: event.name,
        properties: event.props,
        messageId: event.id,
        anonymousId: event.session,
        context: { library: { name: 'touchpoint', version: __TP_VERSION__ }, page: { path: event.page }, userAgent: navigator.userAgent },
      });
      expect(Date.parse(call.timestamp)).toBe(event.time);
    });
    expect(calls[0]!.context.touchpoint).toEqual({
      component: batch[0]!.component,
      labels: {},
      page_view: batch[0]!.page_view,
      seq: batch[0]!.seq,
      sample_rate: 1,
    });
  });

  it('the spec check is not vacuous: it finds what a broken call lacks', () => {
    const broken = JSON.stringify({ batch: [{ type: 'identify', timestamp: 'yesterday', properties: [] }] });
    expect(specProblems(broken)).toEqual([
      'batch[0]: type is not "track"',
      'batch[0]: neither userId nor anonymousId',
      'batch[0]: no event name',
      'batch[0]: no messageId',
      'batch[0]: timestamp is not ISO 8601',
      'batch[0]: properties is not an object',
      'batch[0]: context.library without name and version',
    ]);
  });

  it('posts { batch } to the endpoint as application/json', async () => {
    const { env, posted } = recordingEnv();
    const sink = segmentSink({ endpoint: 'https://api.segment.example/v1/batch', env });
    expect(sink.name).toBe('segment');
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    track('site.opened', { n: 1 });
    await hub.flush();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ url: 'https://api.segment.example/v1/batch', type: 'application/json' });
    expect(specProblems(posted[0]!.body)).toEqual([]);
  });
});
