/**
 * Requests that could not be delivered yet, kept in localStorage and sent again later: on the next
 * page load, when the browser comes back online, or when the caller asks. DESIGN.md "Sending
 * reliably": bounded (items, bytes, age), never written before the caller has consent (callers only
 * `keep()` after a failure, and only when they may store), and safe with two tabs open:
 * - only one tab drains at a time (Web Locks; where they are missing, e.g. plain-http pages, two
 *   tabs may both send an item — the `Idempotency-Key` lets the server keep exactly one);
 * - every change is a read-modify-write in one synchronous step, so a tab never writes back a
 *   stale copy over another tab's earlier additions. Known limit: browsers copy localStorage to
 *   other tabs asynchronously, so two tabs keeping a request within the same few milliseconds can
 *   lose one of them (a transactional store, IndexedDB, would close this);
 * - an item leaves storage only after it was delivered or finally rejected, so a tab closed
 *   mid-send loses nothing.
 */
import { send, SendError, type SendRequest } from './send.js';

/** A request that can be kept: its body must survive JSON (text, not `FormData`), and its key is fixed. */
export interface StorableRequest extends Omit<SendRequest, 'body'> {
  body?: string;
  idempotencyKey: string;
}

export interface KeptRequest extends StorableRequest {
  /** When it was first kept, epoch ms (for `maxAgeMs`). */
  keptAt: number;
}

export type OutboxDrop = 'overflow' | 'expired' | 'rejected';

export interface OutboxOptions {
  /** The localStorage key; one outbox per kind of data, e.g. `tp-outbox-telemetry`. */
  key: string;
  maxItems?: number;
  /** Upper bound of the stored JSON, in UTF-16 code units (what localStorage counts). */
  maxBytes?: number;
  maxAgeMs?: number;
  /** How one request is delivered; defaults to `send()` with its default policy. */
  deliver?: (request: SendRequest) => Promise<unknown>;
  /** Told what was dropped and why, so callers can count and report it. */
  onDrop?: (reason: OutboxDrop, count: number) => void;
  storage?: Storage;
  now?: () => number;
}

export class Outbox {
  private readonly maxItems: number;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly deliver: (request: SendRequest) => Promise<unknown>;
  private draining?: Promise<void>;

  constructor(private readonly options: OutboxOptions) {
    this.maxItems = options.maxItems ?? 100;
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.maxAgeMs = options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000;
    this.deliver = options.deliver ?? ((request) => send(request));
  }

  private get storage(): Storage | undefined {
    try {
      return this.options.storage ?? globalThis.localStorage;
    } catch {
      return undefined; // Storage blocked (privacy settings, sandboxed frames).
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The kept requests, oldest first. Unreadable storage counts as empty. */
  items(): KeptRequest[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.options.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as KeptRequest[]) : [];
    } catch {
      return [];
    }
  }

  /** Reads, changes and writes back in one synchronous step, enforcing the bounds. */
  private update(change: (items: KeptRequest[]) => KeptRequest[]): boolean {
    const storage = this.storage;
    if (!storage) return false;
    const now = this.now();
    const before = this.items();
    const fresh = before.filter((item) => now - item.keptAt <= this.maxAgeMs);
    if (fresh.length < before.length) this.options.onDrop?.('expired', before.length - fresh.length);
    let items = change(fresh);
    let dropped = Math.max(0, items.length - this.maxItems);
    items = items.slice(dropped);
    let json = JSON.stringify(items);
    while (json.length > this.maxBytes && items.length) {
      items = items.slice(1);
      dropped++;
      json = JSON.stringify(items);
    }
    if (dropped) this.options.onDrop?.('overflow', dropped);
    try {
      if (items.length) storage.setItem(this.options.key, json);
      else storage.removeItem(this.options.key);
      return true;
    } catch {
      return false; // Quota exceeded: the caller still has the request in memory.
    }
  }

  /**
   * Keeps `request` for a later attempt. Synchronous, so it works in `pagehide`. Only call it
   * with consent to store. Oldest items give way when a bound is reached.
   */
  keep(request: StorableRequest): boolean {
    const item: KeptRequest = { ...request, keptAt: this.now() };
    return this.update((items) => [...items.filter((i) => i.idempotencyKey !== item.idempotencyKey), item]);
  }

  private remove(key: string): void {
    this.update((items) => items.filter((i) => i.idempotencyKey !== key));
  }

  /**
   * Sends every kept request, oldest first. Delivered or finally rejected ones leave storage;
   * the rest stay for next time. Resolves when this tab is done (or another tab is draining).
   */
  flush(): Promise<void> {
    this.draining ??= this.withLock(() => this.drain()).finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async withLock(task: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return task();
    await locks.request(this.options.key, { ifAvailable: true }, async (lock) => {
      if (lock) await task();
    });
  }

  private async drain(): Promise<void> {
    for (const item of this.items()) {
      const { keptAt: _keptAt, ...request } = item;
      try {
        await this.deliver(request);
        this.remove(item.idempotencyKey);
      } catch (error) {
        if (error instanceof SendError && error.kind === 'rejected') {
          this.remove(item.idempotencyKey);
          this.options.onDrop?.('rejected', 1);
        } else {
          return; // Still failing (offline, server down): keep the rest for next time, in order.
        }
      }
    }
  }
}
