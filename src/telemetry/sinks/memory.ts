import type { Sink, TelemetryEvent } from '../schema.js';

/** A sink that keeps what it receives. */
export interface MemorySink extends Sink {
  /** Every event received, in order. */
  readonly events: TelemetryEvent[];
  /** Every batch received, as it arrived. */
  readonly batches: (readonly TelemetryEvent[])[];
}

/**
 * A sink that keeps everything in memory, for tests and demos. It never forgets, so do not use it
 * on a long-lived production page.
 */
export function memorySink(): MemorySink {
  const events: TelemetryEvent[] = [];
  const batches: (readonly TelemetryEvent[])[] = [];
  return {
    name: 'memory',
    events,
    batches,
    send(batch) {
      batches.push(batch);
      events.push(...batch);
    },
  };
}
