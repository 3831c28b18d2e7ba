/**
 * `touchpoint/telemetry/http`: batches as JSON to a collector (`touchpoint collect`, or your own),
 * losing nothing the browser lets us keep (DESIGN.md "Sending reliably"):
 * - each batch is one `fetch(…, { keepalive: true })` through `send()`, with one `Idempotency-Key`;
 * - after a failure (5xx, 408, 429, network, offline) the batch goes to the outbox (localStorage,
 *   bounded) and is retried with backoff and `Retry-After` from there: when the browser comes back
 *   online, after the next successful send, and on the next page load;
 * - consent: the hub hands sinks events only under `granted`, and tells them the consent
 *   (`Sink.consent`). Batches kept by an earlier page view go only once this page's consent is
 *   `granted`; `denied` (or Global Privacy Control) forgets them; nothing is kept without `granted`;
 * - every sink keeps its own outbox, one per format (`TELEMETRY_OUTBOXES`) and endpoint
 *   (`tp-outbox-otlp:<endpoint>`): a sink sends, bounds, expires and counts only the batches it kept,
 *   to its own endpoint with its own headers (two sinks of one format must never send each other's
 *   batches with their own credentials). `denied` forgets the batches of every format and endpoint,
 *   not only this sink's: a site that changed `data-format`, its sinks or its collector's URL leaves
 *   the old ones behind. The hub does that (session.ts `forgetSession`), so it happens on pages with
 *   no HTTP-type sink too; this sink forgets its own outbox, whatever its key. Under `granted`
 *   those that no sink on this page keeps are deleted when the page is left, once older than 7 days
 *   (or this sink's `maxAgeMs`, if longer): read by no sink, they would stay for ever;
 * - when the page is hidden or left (`visibilitychange`, `pagehide`), batches go by
 *   `navigator.sendBeacon` as text/plain (no CORS preflight), split to fit the 64 KiB the browser
 *   allows across requests in flight; what the browser refuses is kept in the outbox. With an
 *   `encode` option (OTLP, Segment) the body's JSON type is not one a cross-origin beacon may carry,
 *   so those go by `fetch(…, { keepalive: true })` instead, within the same 64 KiB;
 * - events keep their `id` on every retry, so the collector keeps exactly one of each.
 */
import { randomId } from '../../core/id.js';
import { Outbox, type KeptRequest, type OutboxOptions, type StorableRequest } from '../../core/outbox.js';
import {
  backoffMs,
  browserEnvironment,
  DEFAULT_RETRY,
  retryAfterMs,
  send,
  type RetryPolicy,
  type SendEnvironment,
  type SendError,
} from '../../core/send.js';
import { shared } from '../../core/shared.js';
import { warn } from '../../core/warn.js';
import { SINK_TIMEOUT_MS } from '../deliver.js';
import { track } from '../index.js';
import type { ConsentState, Sink, TelemetryEvent } from '../schema.js';

export interface HttpSinkOptions {
  /** The collector's URL, e.g. `http://127.0.0.1:8787/` (`touchpoint collect`) or `/collect`. */
  endpoint: string;
  /** More request headers (fetch only: a beacon cannot carry headers). */
  headers?: Record<string, string>;
  /** Retries of stored batches (attempts, backoff, `Retry-After` cap, time budget). */
  policy?: Partial<RetryPolicy>;
  /** Where and how much is kept: default key `tp-outbox-telemetry` (then `:` and the endpoint), 100 batches, 256 KiB, 7 days. */
  outbox?: Partial<Pick<OutboxOptions, 'key' | 'maxItems' | 'maxBytes' | 'maxAgeMs'>>;
  /**
   * A batch as the request body, for collectors that read another format (`touchpoint/telemetry/otlp`,
   * `touchpoint/telemetry/segment`). Default: the events as a JSON array, which `touchpoint collect`
   * reads, also as a text/plain beacon. With `encode`, no beacons (see the module comment).
   */
  encode?: (batch: readonly TelemetryEvent[]) => string;
  /** The body's Content-Type. Default `application/json`. */
  type?: string;
  /** For tests: fetch, clock, sleep and randomness (see `SendEnvironment`). */
  env?: SendEnvironment;
}

/** A request as kept: `n` is how many events its body holds, for counting what a bound drops. */
type Kept = StorableRequest & { body: string; n: number };

/**
 * The outbox of each telemetry format: http (`touchpoint`), otlp, segment. Not a person's own requests
 * (`tp-outbox-unsubscribe`): those are theirs, not telemetry, and stay whatever the consent. The hub
 * forgets these three under `denied` (session.ts `forgetSession`, by name): keep the two in step.
 */
const TELEMETRY_OUTBOXES = ['tp-outbox-telemetry', 'tp-outbox-otlp', 'tp-outbox-segment'];

/** What the browser lets keepalive requests and beacons carry in flight, in total (Chromium, per page). */
const KEEPALIVE_BYTES = 65_536;

/** How long a beacon's bytes count against that budget (beacons do not say when they are done). */
const BEACON_MS = 10_000;

const bytes = (text: string) => new Blob([text]).size;

/** A sink that posts JSON batches to `endpoint`; see the module comment for what happens on failure. */
export function httpSink({
  endpoint,
  headers,
  policy,
  outbox: stored,
  encode,
  type = 'application/json',
  env = browserEnvironment(),
}: HttpSinkOptions): Sink {
  const limits = { ...DEFAULT_RETRY, ...policy };
  const body = encode ?? JSON.stringify;
  // Keepalive bytes in flight, and the plain (not keepalive) requests a page unload would cancel.
  let keepalive = 0;
  const cancellable = new Map<Kept, readonly TelemetryEvent[]>();
  let leaving = false;
  // This page's consent allows storing and sending (told by the hub; handing us events implies it).
  let granted = false;
  // Events lost (outbox full or too old, or finally rejected), reported after the next delivery.
  let drops: Record<string, number> | undefined;
  let draining: Promise<void> | undefined;
  let again = false;

  const count = (why: string, request: Partial<Kept>) => ((drops ??= {})[why] = (drops[why] ?? 0) + request.n!);

  /** Once something got through, says what was lost before (as the hub does: one `tp.telemetry.dropped`). */
  const report = () => {
    if (drops) track('tp.telemetry.dropped', drops);
    drops = undefined;
  };

  /** One attempt, or as many as `policy` allows; then what was lost before is reported. */
  // The caller's headers are added at each attempt, never stored with a kept request (they may be credentials).
  const post = (request: Kept, attempts?: number, keepalive?: boolean, signal?: AbortSignal) =>
    send({ ...request, headers: { ...request.headers, ...headers }, keepalive }, { policy: attempts ? { ...policy, maxAttempts: attempts } : policy, env, signal }).then(report);

  // The endpoint as written (encoded: no `:`, so no sink's key is the start of another's).
  const base = stored?.key ?? TELEMETRY_OUTBOXES[0];
  const key = `${base}:${encodeURIComponent(endpoint)}`;
  const live = (shared().outboxes ??= new Set());
  __TP_DEV__ &&
    live.has(key) &&
    warn(document.documentElement, `two telemetry sinks of one format post to ${endpoint}: they share one outbox, so each may send the other's kept batches with its own headers. Give one its own outbox.key.`);
  live.add(key);
  const outbox = new Outbox({
    // Consent withdrawn while draining: stop (the outbox has been cleared).
    deliver: (request) => (granted ? post(request as Kept) : Promise.reject()),
    // Pushed out by a bound, or finally rejected by the collector: lost, and reported.
    onDrop: (why, _count, items) => {
      for (const item of items) count(why == 'rejected' ? 'sink_error' : why, item as Partial<Kept>);
    },
    ...stored,
    key,
  });

  /** Drains the outbox; asked again while draining, it drains once more after (new items may have come). */
  function drain(): Promise<void> {
    again = true;
    return (draining ??= (async () => {
      while (again && granted) {
        again = false;
        await outbox.flush();
      }
    })().finally(() => {
      draining = undefined;
      // Asked again after the last pass, as the loop ended: once more.
      if (again && granted) void drain();
    }));
  }

  /**
   * Stores `request` (synchronous: works in `pagehide`); the bounds may push older ones out (see
   * `onDrop`). What cannot be kept (consent withdrawn, storage blocked or full) is lost, and counted
   * as `unstored` in the next `tp.telemetry.dropped`.
   */
  const keep = (request: Kept) => {
    if (granted && outbox.keep(request)) return;
    count('unstored', request);
  };

  const requestOf = (events: readonly TelemetryEvent[], text = body(events)): Kept => ({
    url: endpoint,
    headers: { 'Content-Type': type },
    body: text,
    idempotencyKey: randomId(16),
    n: events.length,
  });

  /**
   * The page is going away (or hidden, and may be closed without notice): beacons (or keepalive
   * fetches), as many as fit in what is left of the keepalive budget (a batch too big is halved
   * until a part fits); the rest is kept, in one piece.
   */
  function leave(events: readonly TelemetryEvent[]) {
    for (let start = 0, end; start < events.length; start = end) {
      let text, size;
      for (end = events.length; (size = bytes((text = body(events.slice(start, end))))) > KEEPALIVE_BYTES - keepalive && end - start > 1; ) {
        end = start + ((end - start) >> 1);
      }
      const request = requestOf(events.slice(start, end), text);
      if (
        size > KEEPALIVE_BYTES - keepalive ||
        // sendBeacon also says true while offline, then fails: keep instead. False: the browser refused it.
        navigator.onLine === false ||
        !(encode ? post(request, 1, true).catch(() => keep(request)) : navigator.sendBeacon?.(endpoint, text))
      ) {
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
    for (const [, events] of cancellable) leave(events);
    cancellable.clear();
    // The batches no sink on this page keeps (every sink it runs has been made by now), past 7 days or
    // this sink's maxAgeMs, if longer. Not counted: not this sink's events. Entries are `<key>:<hex id>`.
    if (granted) {
      const oldest = Date.now() - Math.max(6048e5, stored?.maxAgeMs || 0);
      try {
        for (const name of Object.keys(localStorage)) {
          try {
            if (
              TELEMETRY_OUTBOXES.includes(name.split(':')[0]!) &&
              !live.has(name.slice(0, name.lastIndexOf(':'))) &&
              (JSON.parse(localStorage[name]) as KeptRequest).keptAt < oldest
            ) {
              localStorage.removeItem(name);
            }
          } catch {
            // Not JSON: not a batch.
          }
        }
      } catch {
        // Storage blocked.
      }
    }
  });

  return {
    name: 'http',
    // Batches kept by an earlier page view (or another tab) go once this page's consent is granted.
    consent(state: ConsentState) {
      granted = state == 'granted';
      // `denied` is the hub's to empty for every format and endpoint (session.ts `forgetSession`); this
      // sink empties its own below, whatever its key. What no sink keeps is deleted at pagehide.
      if (granted) drain();
      else {
        // Nothing in flight is sent again by pagehide, and nothing kept stays once consent is refused.
        cancellable.clear();
        // Every endpoint's outbox under this sink's key (a custom key is not the hub's to know).
        if (state == 'denied') new Outbox({ key: base }).clear();
      }
    },
    async send(batch) {
      granted = true;
      if (leaving || document.visibilityState == 'hidden') return leave(batch);
      const request = requestOf(batch);
      if (!navigator.onLine) return keep(request);
      const size = bytes(request.body);
      const alive = keepalive + size <= KEEPALIVE_BYTES;
      if (alive) keepalive += size;
      else cancellable.set(request, batch);
      try {
        // One attempt here; retries come from the outbox, which survives the page. It ends before the
        // hub gives up on the sink, so a slow answer is kept and retried, not counted as lost.
        await post(request, 1, alive, AbortSignal.timeout?.(SINK_TIMEOUT_MS - 2_000));
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
