import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, SendError, backoffMs, retryAfterMs, send, type SendEnvironment } from '../../../src/core/send.js';

/** A scripted server: each entry is a status (with optional Retry-After) or 'network' for a failed fetch. */
function scripted(script: (number | 'network' | [number, string])[]) {
  const calls: { url: string; init: RequestInit; at: number }[] = [];
  let clock = 0;
  let onlineWaits = 0;
  const env: SendEnvironment = {
    now: () => clock,
    random: () => 0.5,
    sleep: async (ms) => {
      clock += ms;
    },
    whenOnline: async () => {
      onlineWaits++;
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    },
    fetch: async (url, init) => {
      calls.push({ url: String(url), init: init!, at: clock });
      const step = script.shift() ?? 200;
      if (step === 'network') throw new TypeError('Failed to fetch');
      const [status, retryAfter] = Array.isArray(step) ? step : [step, undefined];
      return new Response(status === 204 ? null : 'body', {
        status,
        headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
      });
    },
  };
  return { env, calls, onlineWaits: () => onlineWaits };
}

afterEach(() => {
  Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
});

describe('send()', () => {
  it('retries 5xx, 408, 429 and network errors with one Idempotency-Key, then resolves', async () => {
    const { env, calls } = scripted([500, 'network', 408, 429, 201]);
    const response = await send({ url: '/collect', body: '{}' }, { env });
    expect(response.status).toBe(201);
    expect(calls).toHaveLength(5);
    const keys = new Set(calls.map((c) => (c.init.headers as Record<string, string>)['Idempotency-Key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('does not retry other 4xx: rejects with the status and response', async () => {
    const { env, calls } = scripted([400]);
    const error = await send({ url: '/x', idempotencyKey: 'k1' }, { env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).kind).toBe('rejected');
    expect((error as SendError).status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    const { env, calls } = scripted([503, 503, 503, 200]);
    await send({ url: '/x' }, { env });
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    // random() = 0.5 → half of 500, 1000, 2000 ms.
    expect(gaps).toEqual([250, 500, 1000]);
  });

  it('honours Retry-After (seconds or date), capped so a bad header cannot stall sending', async () => {
    const { env, calls } = scripted([[429, '3'], [503, '86400'], 200]);
    await send({ url: '/x' }, { env });
    expect(calls[1]!.at - calls[0]!.at).toBe(3000);
    expect(calls[2]!.at - calls[1]!.at).toBe(DEFAULT_RETRY.maxRetryAfterMs);
  });

  it('gives up when attempts run out, reporting the last status', async () => {
    const { env, calls } = scripted([500, 500, 500]);
    const error = (await send({ url: '/x' }, { env, policy: { maxAttempts: 3 } }).catch((e: unknown) => e)) as SendError;
    expect(error.kind).toBe('gave_up');
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(3);
    expect(calls).toHaveLength(3);
  });

  it('gives up when the time budget is spent', async () => {
    const { env, calls } = scripted(Array(20).fill([503, '40']));
    const error = (await send({ url: '/x' }, { env, policy: { budgetMs: 100_000, maxAttempts: 50 } }).catch((e: unknown) => e)) as SendError;
    expect(error.kind).toBe('gave_up');
    expect(calls.length).toBe(3);
  });

  it('waits for the browser to be online instead of spending attempts', async () => {
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const { env, calls, onlineWaits } = scripted([200]);
    await send({ url: '/x' }, { env });
    expect(onlineWaits()).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('stops when aborted', async () => {
    const { env } = scripted([503, 503]);
    const controller = new AbortController();
    env.sleep = async () => {
      controller.abort();
      throw new Error('aborted');
    };
    const error = (await send({ url: '/x' }, { env, signal: controller.signal }).catch((e: unknown) => e)) as SendError;
    expect(error.kind).toBe('aborted');
  });

  it('sends method, headers, body and keepalive as given', async () => {
    const { env, calls } = scripted([204]);
    await send({ url: '/f', method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}', keepalive: true, idempotencyKey: 'abc' }, { env });
    expect(calls[0]!.init).toMatchObject({
      method: 'PUT',
      body: '{"a":1}',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'abc' },
    });
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date, ignoring garbage', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('-4', now)).toBe(0);
  });

  it('caps backoff at maxDelayMs', () => {
    expect(backoffMs(30, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(0);
  });
});

