import type { Sink, TelemetryEvent } from './schema.js';

/** How long a sink may take with one batch before the batch counts as lost, so `flush()` always settles. */
export const SINK_TIMEOUT_MS = 10_000;

/**
 * Hands `batch` to `sink`. Resolves when the sink is done; rejects when it throws, rejects or takes
 * longer than `SINK_TIMEOUT_MS`. Never throws synchronously, so one sink cannot stop the next.
 */
// `async`: a synchronous throw of `send` becomes the rejection. The timer is left to run out:
// rejecting after the race is settled does nothing.
export async function deliver(sink: Sink, batch: readonly TelemetryEvent[]): Promise<unknown> {
  return Promise.race([sink.send(batch), new Promise((_, reject) => setTimeout(reject, SINK_TIMEOUT_MS))]);
}
