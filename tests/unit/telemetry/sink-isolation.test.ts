import { describe, expect, it, vi } from 'vitest';
import { SINK_TIMEOUT_MS } from '../../../src/telemetry/deliver.js';
import { startTelemetry, track } from '../../../src/telemetry/index.js';
import type { Sink } from '../../../src/telemetry/schema.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { emitFrom, mountSource, resetAfterEach } from './helpers.js';

resetAfterEach();

const throwing: Sink = {
  name: 'throwing',
  send() {
    throw new Error('sync bug');
  },
};
const rejecting: Sink = { name: 'rejecting', send: () => Promise.reject(new Error('offline')) };
const hanging: Sink = { name: 'hanging', send: () => new Promise<void>(() => {}) };

describe('a failing sink', () => {
  it('throwing, rejecting or never settling: harms neither the component, nor the other sinks, nor flush()', async () => {
    vi.useFakeTimers();
    const before = memorySink();
    const after = memorySink();
    const hub = startTelemetry({ sinks: [before, throwing, rejecting, hanging, after], consent: 'granted', batchSize: 2 });
    const source = mountSource();
    // A full batch is sent inside the component's own call: the failures must not reach it.
    expect(() => {
      emitFrom(source, 'one');
      emitFrom(source, 'two');
    }).not.toThrow();
    expect(before.events).toHaveLength(2);
    expect(after.events).toHaveLength(2);

    track('site.three');
    let settled = false;
    const flushed = hub.flush().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(SINK_TIMEOUT_MS - 1);
    expect(settled).toBe(false); // still waiting for the hanging sink
    await vi.advanceTimersByTimeAsync(1);
    await flushed;
    expect(settled).toBe(true);
    expect(after.events.map((e) => e.name)).toEqual(['tp.test.one', 'tp.test.two', 'site.three']);

    // Each failing sink lost 3 events: 2 + 1.
    track('site.four');
    const next = hub.flush();
    await vi.advanceTimersByTimeAsync(SINK_TIMEOUT_MS);
    await next;
    expect(after.events.at(-1)!.props).toEqual({ sink_error: 9 });
  });
});
