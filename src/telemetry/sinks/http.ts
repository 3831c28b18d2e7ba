/**
 * `touchpoint/telemetry/http`: batches as JSON to a collector (`touchpoint collect`, or your own),
 * losing nothing the browser lets us keep (DESIGN.md "Sending reliably"):
 * - each batch is one `fetch(…, { keepalive: true })` through `send()`, with one `Idempotency-Key`;
 * - after a failure (5xx, 408, 429, network, offline) the batch goes to the outbox (localStorage,
 *   bounded) and is retried with backoff and `Retry-After` from there: when the browser comes back
 *   online, after the next successful send, and on the next page load. The hub hands sinks events
 *   only after consent is granted, so nothing is stored without it;
 * - when the page is hidden or left (`visibilitychange`, `pagehide`), batches go by
 *   `navigator.sendBeacon` as text/plain (no CORS preflight), split to fit the 64 KiB the browser
 *   allows across requests in flight; what the browser refuses is kept in the outbox;
 * - events keep their `id` on every retry, so the collector keeps exactly one of each.
 */
import { randomId } from '../../core/id.js';
import { Outbox, type OutboxOptions } from '../../core/outbox.js';
import {
  backoffMs,
  browserEnvironment,
  DEFAULT_RETRY,
  retryAfterMs,
  send,
  type RetryPolicy,
  type SendEnvironment,
  type SendError,
  type SendRequest,
} from '../../core/send.js';
import { SINK_TIMEOUT_MS } from '../deliver.js';
import { track } from '../index.js';
import type { Sink, TelemetryEvent } from '../schema.js';

export interface HttpSinkOptions {
  /** The collector's URL, e.g. `http://127.0.0.1:8787/` (`touchpoint collect`) or `/collect`. */
  endpoint: string;
  /** More request headers (fetch only: a beacon cannot carry headers). */
  headers?: Record<string, string>;
  /** Retries of stored batches (attempts, backoff, `Retry-After` cap, time budget). */
  policy?: Partial<RetryPolicy>;
  /** Where and how much is kept: default key `tp-outbox-telemetry`, 100 batches, 256 KiB, 7 days. */
  outbox?: Partial<Pick<OutboxOptions, 'key' | 'maxItems' | 'maxBytes' | 'maxAgeMs'>>;
  /** For tests: fetch, clock, sleep and randomness (see `SendEnvironment`). */
  env?: SendEnvironment;
}

type Kept = SendRequest & { idempotencyKey: string; body: string };

/** What the browser lets keepalive requests and beacons carry in flight, in total (Chromium, per page). */
const KEEPALIVE_BYTES = 65_536;

/** How long a beacon's bytes count against that budget (beacons do not say when they are done). */
const BEACON_MS = 10_000;

const bytes = (text: string) => new Blob([text]).size;

/** A sink that posts JSON batches to `endpoint`; see the module comment for what happens on failure. */
export function httpSink({ endpoint, headers, policy, outbox: stored, env = browserEnvironment() }: HttpSinkOptions): Sink {
  const limits = { ...DEFAULT_RETRY, ...policy };
  // Keepalive bytes in flight, and the plain (not keepalive) requests a page unload would cancel.
  let keepalive = 0;
  const cancellable = new Set<Kept>();
  let leaving = false;
  // Events lost (outbox full or too old, or finally rejected), reported after the next delivery.
  let drops: Record<string, number> | undefined;
  let reason: string;
  let draining: Promise<void> | undefined;
  let again = false;

  const count = (why: string, request: Kept) =>
    ((drops ??= {})[why] = (drops[why] ?? 0) + (JSON.parse(request.body) as unknown[]).length);

  /** Once something got through, says what was lost before (as the hub does: one `tp.telemetry.dropped`). */
  const report = () => {
    if (drops) track('tp.telemetry.dropped', drops);
    drops = undefined;
  };

  const outbox = new Outbox({
    key: 'tp-outbox-telemetry',
    deliver: (request) =>
      send(request, { policy, env }).then(report, (error: SendError) => {
        if (error.kind == 'rejected') count('sink_error', request as Kept);
        throw error;
      }),
    onDrop: (why) => (reason = why),
    ...stored,
  });

  /** Drains the outbox; asked again while draining, it drains once more after (new items may have come). */
  function drain(): Promise<void> {
    again = true;
    return (draining ??= (async () => {
      while (again) {
        again = false;
        await outbox.flush();
      }
    })().finally(() => (draining = undefined)));
  }

  /** Stores `request` (synchronous: works in `pagehide`), counting the events the bounds push out. */
  function keep(request: Kept) {
    reason = 'overflow';
    const before = outbox.items();
    outbox.keep(request);
    const after = new Set(outbox.items().map((item) => item.idempotencyKey));
    for (const item of [...before, request]) if (!after.has(item.idempotencyKey)) count(reason, item as Kept);
  }

  const requestOf = (events: readonly TelemetryEvent[]): Kept => ({
    url: endpoint,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(events),
    idempotencyKey: randomId(16),
  });

  /**
   * The page is going away (or hidden, and may be closed without notice): beacons, as many as fit in
   * what is left of the keepalive budget (a batch too big is split); the rest is kept, in one piece.
   */
  function leave(events: readonly TelemetryEvent[]) {
    for (let start = 0, end = 0; start < events.length; start = end) {
      let size = 2;
      for (let more; end < events.length && size + (more = bytes(JSON.stringify(events[end])) + 1) <= KEEPALIVE_BYTES - keepalive; end++) size += more;
      // sendBeacon also says true while offline, then fails: keep instead. False: the browser refused it.
      if (end == start || navigator.onLine === false || !navigator.sendBeacon?.(endpoint, JSON.stringify(events.slice(start, end)))) {
        return keep(requestOf(events.slice(start)));
      }
      // A beacon's end is not observable: its bytes count as in flight for a while.
      keepalive += size;
      setTimeout(() => (keepalive -= size), BEACON_MS);
    }
  }

  addEventListener('online', drain);
  addEventListener('pageshow', () => (leaving = false));
  addEventListener('pagehide', () => {
    leaving = true;
    // Plain requests die with the page: send their events again the way that survives it.
    for (const request of cancellable) leave(JSON.parse(request.body));
    cancellable.clear();
  });
  // Batches kept by an earlier page view (or another tab) go now.
  // Known gap: this runs before this page's consent is known, so batches kept while an earlier page
  // view had consent are sent even if it was withdrawn since. The fix needs the hub to tell sinks
  // about consent (and clear the outbox on `denied`).
  drain();

  return {
    name: 'http',
    async send(batch) {
      if (leaving || document.visibilityState == 'hidden') return leave(batch);
      const request = requestOf(batch);
      if (!navigator.onLine) return keep(request);
      const size = bytes(request.body);
      const alive = keepalive + size <= KEEPALIVE_BYTES;
      if (alive) keepalive += size;
      else cancellable.add(request);
      try {
        // One attempt here; retries come from the outbox, which survives the page. It ends before the
        // hub gives up on the sink, so a slow answer is kept and retried, not counted as lost.
        await send({ ...request, keepalive: alive }, { policy: { ...policy, maxAttempts: 1 }, env, signal: AbortSignal.timeout?.(SINK_TIMEOUT_MS - 2_000) });
        report();
        drain();
      } catch (error) {
        // A final 4xx: retrying cannot help; the hub counts the batch as lost.
        if ((error as SendError).kind == 'rejected') throw error;
        keep(request);
        // The first retry waits like send() would: Retry-After (capped), else the first backoff.
        const after = retryAfterMs((error as SendError).response?.headers.get('Retry-After') ?? null, env.now());
        void env.sleep(after === undefined ? backoffMs(1, limits, env.random) : Math.min(after, limits.maxRetryAfterMs)).then(drain);
      } finally {
        if (alive) keepalive -= size;
        cancellable.delete(request);
      }
    },
  };
}
