/**
 * The one reliable way Touchpoint sends anything (telemetry batches, form submissions,
 * unsubscribe choices): DESIGN.md "Sending reliably". One request, retried honestly:
 * - 2xx resolves; 5xx, 408, 429 and network errors are retried; any other 4xx is final (retrying
 *   cannot fix a request the server rejected);
 * - exponential backoff with full jitter, so many clients recovering at once do not stampede;
 *   a `Retry-After` header is honoured, capped so a bad header cannot stall sending for hours;
 * - a total budget (attempts and elapsed time) so nothing retries forever;
 * - while the browser says it is offline, it waits for `online` instead of burning attempts;
 * - the same `Idempotency-Key` on every attempt, so the server can keep exactly one.
 * Persistence across page loads is the outbox's job (outbox.ts), not this module's.
 */
import { randomId } from './id.js';

export interface SendRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Text, or form fields (`URLSearchParams`, `FormData` for `multipart/form-data`): all can be sent again on a retry. */
  body?: string | URLSearchParams | FormData;
  /** Reused on every attempt; generated when absent. */
  idempotencyKey?: string;
  /** Lets the request outlive the page (unload); the browser caps such bodies at 64 KiB in total. */
  keepalive?: boolean;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff; doubles each retry, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is cut to it. */
  maxRetryAfterMs: number;
  /** No attempt starts after this much time since the first one. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  budgetMs: 5 * 60_000,
};

/** What the environment provides; tests and the e2e fault matrix inject their own clock. */
export interface SendEnvironment {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Resolves when the browser is (back) online. */
  whenOnline: (signal?: AbortSignal) => Promise<void>;
}

/** Why a send did not succeed. `status` and `response` are set when the server answered. */
export class SendError extends Error {
  constructor(
    readonly kind: 'rejected' | 'gave_up' | 'aborted',
    readonly attempts: number,
    readonly status?: number,
    readonly response?: Response,
  ) {
    // The message is for people reading logs while they build: production code reads `kind` and `status`.
    super(__TP_DEV__ ? `send ${kind} after ${attempts} attempt(s)${status ? ` (HTTP ${status})` : ''}` : kind);
    this.name = 'SendError';
  }
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

function abortable(signal: AbortSignal | undefined, start: (done: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = start(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    const onAbort = () => {
      stop();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const browserEnvironment = (): SendEnvironment => ({
  fetch: (...args) => fetch(...args),
  now: () => Date.now(),
  random: Math.random,
  sleep: (ms, signal) =>
    abortable(signal, (done) => {
      const timer = setTimeout(done, ms);
      return () => clearTimeout(timer);
    }),
  whenOnline: (signal) =>
    abortable(signal, (done) => {
      if (!isOffline()) {
        done();
        return () => {};
      }
      addEventListener('online', done, { once: true });
      return () => removeEventListener('online', done);
    }),
});

/** Whether a response status is worth another attempt. */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Backoff before retry number `retry` (1-based): full jitter over an exponentially growing cap. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
}

/**
 * Sends `request`, retrying as the module comment says. Resolves with the 2xx response; rejects
 * with a `SendError` (`rejected`: a final 4xx; `gave_up`: budget spent; `aborted`: `signal`).
 */
export async function send(
  request: SendRequest,
  options: { policy?: Partial<RetryPolicy>; signal?: AbortSignal; env?: SendEnvironment } = {},
): Promise<Response> {
  const policy = { ...DEFAULT_RETRY, ...options.policy };
  const env = options.env ?? browserEnvironment();
  const { signal } = options;
  const headers = { ...request.headers, 'Idempotency-Key': request.idempotencyKey ?? randomId(16) };
  const started = env.now();
  let attempts = 0;
  let last: Response | undefined;

  const aborted = () => new SendError('aborted', attempts, last?.status, last);
  while (attempts < policy.maxAttempts && env.now() - started <= policy.budgetMs) {
    if (signal?.aborted) throw aborted();
    if (isOffline()) await env.whenOnline(signal).catch(() => Promise.reject(aborted()));
    attempts++;
    let wait: number | undefined;
    try {
      last = await env.fetch(request.url, {
        method: request.method ?? 'POST',
        headers,
        body: request.body,
        keepalive: request.keepalive,
        signal,
      });
      if (last.ok) return last;
      if (!isRetryable(last.status)) throw new SendError('rejected', attempts, last.status, last);
      const after = retryAfterMs(last.headers.get('Retry-After'), env.now());
      if (after !== undefined) wait = Math.min(after, policy.maxRetryAfterMs);
    } catch (error) {
      if (error instanceof SendError) throw error;
      if (signal?.aborted) throw aborted();
      // A network failure (fetch rejects with a TypeError): retried like a 5xx.
    }
    if (attempts >= policy.maxAttempts) break;
    await env.sleep(wait ?? backoffMs(attempts, policy, env.random), signal).catch(() => Promise.reject(aborted()));
  }
  throw new SendError('gave_up', attempts, last?.status, last);
}
