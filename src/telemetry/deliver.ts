import type { Sink, TelemetryEvent } from './schema.js';

/** How long a sink may take with one batch before the batch counts as lost, so `flush()` always settles. */
export const SINK_TIMEOUT_MS = 10_000;

/**
 * Hands `batch` to `sink`. Resolves when the sink is done; rejects when it throws, rejects or takes
 * longer than `SINK_TIMEOUT_MS`. Never throws synchronously, so one sink cannot stop the next.
 */
export function deliver(sink: Sink, batch: readonly TelemetryEvent[]): Promise<unknown> {
  // A throw inside the executor rejects. Not `resolve(sink.send(batch))`: resolving with a pending
  // promise would lock onto it and the timeout could no longer reject. The timer is left to run
  // out: rejecting a settled promise does nothing.
  return new Promise((resolve, reject) => {
    setTimeout(reject, SINK_TIMEOUT_MS);
    Promise.resolve(sink.send(batch)).then(resolve, reject);
  });
}
