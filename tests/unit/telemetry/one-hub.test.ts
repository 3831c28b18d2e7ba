import { describe, expect, it, vi } from 'vitest';
import { shared } from '../../../src/core/shared.js';
import { takePreHubEvents } from '../../../src/core/telemetry-event.js';
import { flush, setConsent, shutdown, startTelemetry, track } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, mountSource, resetAfterEach } from './helpers.js';

resetAfterEach();

describe('one hub per page', () => {
  it('takes the events components recorded before it started, and stops the core buffering', async () => {
    const source = mountSource('early');
    emitFrom(source, 'first', { n: 1 });
    emitFrom(source, 'second', { n: 2 });
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    expect(shared().hub).toBe(hub);
    emitFrom(source, 'third', { n: 3 });
    expect(takePreHubEvents()).toEqual([]);
    await hub.flush();
    expect(sink.events.map((e) => [e.name, e.props.n, e.seq])).toEqual([
      ['tp.test.first', 1, 1],
      ['tp.test.second', 2, 2],
      ['tp.test.third', 3, 3],
    ]);
    expect(sink.events[0]!.component).toEqual({ tag: 'tp-test', id: 'early' });
  });

  it('a second start returns the running hub: the same sink twice still gets each event once', async () => {
    const sink = memorySink();
    const first = startTelemetry({ sinks: [sink], consent: 'granted' });
    const second = startTelemetry({ sinks: [sink], consent: 'denied' });
    expect(second).toBe(first);
    emitFrom(mountSource());
    track('site.once');
    await flush();
    expect(sink.events.map((e) => e.name)).toEqual(['tp.test.happened', 'site.once']);
  });

  it('a second start adds its own sinks to the running hub', async () => {
    const first = memorySink();
    const second = memorySink();
    startTelemetry({ sinks: [first], consent: 'granted' });
    startTelemetry({ sinks: [second] });
    track('site.both');
    await flush();
    expect(first.events.map((e) => e.id)).toEqual(second.events.map((e) => e.id));
    expect(first.events).toHaveLength(1);
  });

  it('a second copy of the bundle (another module instance) finds the same hub', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], consent: 'granted' });
    vi.resetModules();
    const copy = await import('../../../src/telemetry/index.js');
    expect(copy.startTelemetry).not.toBe(startTelemetry);
    expect(copy.startTelemetry({ sinks: [sink] })).toBe(hub);

    emitFrom(mountSource());
    copy.track('site.from_copy');
    track('site.from_original');
    await copy.flush();
    expect(sink.events.map((e) => e.name)).toEqual(['tp.test.happened', 'site.from_copy', 'site.from_original']);
    await copy.shutdown();
    expect(shared().hub).toBeUndefined();
  });

  it('after shutdown, the core buffers again and a new hub can start', async () => {
    const first = memorySink();
    startTelemetry({ sinks: [first], consent: 'granted' });
    track('site.before');
    await shutdown();
    expect(first.events.map((e) => e.name)).toEqual(['site.before']);

    const source = mountSource();
    emitFrom(source, 'between');
    const second = memorySink();
    const hub = startTelemetry({ sinks: [second], consent: 'granted' });
    await hub.flush();
    expect(second.events.map((e) => e.name)).toEqual(['tp.test.between']);
    expect(first.events).toHaveLength(1);
  });

  it('the module functions do nothing before a hub starts', async () => {
    track('site.too_early');
    setConsent('granted');
    await expect(flush()).resolves.toBeUndefined();
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink] });
    setConsent('granted');
    await hub.flush();
    expect(sink.events).toEqual([]);
  });
});
