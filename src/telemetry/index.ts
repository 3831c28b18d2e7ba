// `touchpoint/telemetry`: the page's one telemetry hub. Kept free of Lit and the element base
// class so it stays within 1.5 KiB gzip (bench/size-budget.json).
import { shared } from '../core/shared.js';
import type { TelemetryProps } from '../core/telemetry-event.js';
import { createHub, type TelemetryHub, type TelemetryOptions } from './hub.js';
import type { ConsentState } from './schema.js';

export type { TelemetryHub, TelemetryOptions } from './hub.js';
export type { ConsentState, DropReason, Sink, TelemetryEvent, TelemetryProps, TelemetryValue } from './schema.js';

/** The running hub, wherever it came from: another copy of Touchpoint on the page shares it. */
const runningHub = () => shared().hub as TelemetryHub | undefined;

/**
 * Starts the page's telemetry hub: it takes the events components recorded before it started,
 * then listens for `tp-telemetry` on the document, applies consent, sampling and `beforeSend`, and
 * hands batches to the sinks.
 *
 * One hub per page, even when two copies of Touchpoint load: when a hub is already running, this
 * returns it and adds `options.sinks` to it; its other options stay as they were (call `shutdown()`
 * first to start over with new ones). Call it in the browser; importing the module touches nothing.
 */
export function startTelemetry(options: TelemetryOptions = {}): TelemetryHub {
  const running = runningHub();
  running?.addSinks(options.sinks ?? []);
  return running ?? createHub(options);
}

/** Records one of the site's own events. Does nothing before `startTelemetry`. */
export const track = (name: string, props?: TelemetryProps): void => runningHub()?.track(name, props);

/** Tells the running hub the visitor's consent (see `ConsentState`). */
export const setConsent = (state: ConsentState): void => runningHub()?.setConsent(state);

/** Sends what is waiting, if consent allows; settles when every sink is done or has timed out. */
export const flush = async (): Promise<void> => runningHub()?.flush();

/** Stops the running hub after sending what is waiting; components buffer again until the next start. */
export const shutdown = async (): Promise<void> => runningHub()?.shutdown();
