import { describe, expect, it, vi } from 'vitest';
import { startTelemetry, track } from '../../../src/telemetry/index.js';
import type { TelemetryEvent } from '../../../src/telemetry/schema.js';
import { callbackSink } from '../../../src/telemetry/sinks/callback.js';
import { consoleSink } from '../../../src/telemetry/sinks/console.js';
import { dataLayerSink } from '../../../src/telemetry/sinks/data-layer.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, mountSource, resetAfterEach } from './helpers.js';

resetAfterEach();

type Layer = Record<string, unknown>[];
const globals = window as unknown as Record<string, Layer | undefined>;

describe('simple sinks', () => {
  it('callbackSink hands each batch to the function', async () => {
    const batches: (readonly TelemetryEvent[])[] = [];
    const sink = callbackSink((batch) => void batches.push(batch));
    expect(sink.name).toBe('callback');
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    track('site.a');
    track('site.b');
    await hub.flush();
    expect(batches.map((b) => b.map((e) => e.name))).toEqual([['site.a', 'site.b']]);
  });

  it('memorySink keeps every event and every batch', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted', batchSize: 2 });
    ['a', 'b', 'c'].forEach((n) => track(`site.${n}`));
    await hub.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['site.a', 'site.b', 'site.c']);
    expect(sink.batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('consoleSink prints a collapsed group with a readable table per batch', async () => {
    const group = vi.spyOn(console, 'groupCollapsed').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const end = vi.spyOn(console, 'groupEnd').mockImplementation(() => {});
    const hub = startTelemetry({ sinks: [consoleSink()], consent: 'granted' });
    const source = mountSource('upload');
    source.setAttribute('data-tp-variant', 'b');
    emitFrom(source, 'completed', { duration_ms: 120 });
    await hub.flush();
    expect(group).toHaveBeenCalledWith('[touchpoint] 1 telemetry event');
    expect(table.mock.calls[0]![0]).toEqual([
      {
        name: 'tp.test.completed',
        seq: 1,
        component: 'tp-test#upload',
        page: '/',
        props: '{"duration_ms":120}',
        labels: '{"variant":"b"}',
      },
    ]);
    expect(log).toHaveBeenCalledOnce();
    expect(end).toHaveBeenCalledOnce();
  });

  describe('dataLayerSink', () => {
    it('pushes one GTM event per telemetry event, creating window.dataLayer when missing', async () => {
      delete globals.dataLayer;
      const hub = startTelemetry({ sinks: [dataLayerSink()], consent: 'granted' });
      track('site.a', { n: 1 });
      await hub.flush();
      const [pushed] = globals.dataLayer!;
      expect(pushed).toEqual({ event: 'site.a', touchpoint: expect.objectContaining({ name: 'site.a', props: { n: 1 } }), _clear: true });
      delete globals.dataLayer;
    });

    it('appends to an existing layer under the name given', async () => {
      globals.tagLayer = [{ event: 'gtm.js' }];
      const hub = startTelemetry({ sinks: [dataLayerSink({ name: 'tagLayer' })], consent: 'granted' });
      track('site.b');
      await hub.flush();
      expect(globals.tagLayer.map((e) => e.event)).toEqual(['gtm.js', 'site.b']);
      delete globals.tagLayer;
    });
  });
});
