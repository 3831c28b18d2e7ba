import type { Sink, TelemetryEvent } from '../schema.js';

/**
 * A sink that hands each batch to `fn`: the simplest way to route events into your own code.
 * A rejected promise or a throw counts the batch as lost (`sink_error`) and harms nothing else.
 *
 * @example startTelemetry({ sinks: [callbackSink((batch) => myAnalytics.log(batch))] });
 */
export function callbackSink(fn: (batch: readonly TelemetryEvent[]) => void | Promise<void>, name = 'callback'): Sink {
  return { name, send: fn };
}
