/**
 * Requests that could not be delivered yet, kept in localStorage and sent again later: on the next
 * page load, when the browser comes back online, or when the caller asks. DESIGN.md "Sending
 * reliably": bounded (items, bytes, age), never written before the caller has consent (callers only
 * `keep()` after a failure, and only when they may store), and safe with two tabs open.
 *
 * One localStorage entry per kept request (`<key>:<idempotencyKey>`), not one array for all: a tab
 * only ever writes entries it creates, so two tabs keeping requests at the same instant cannot
 * overwrite each other (with one shared array they could: browsers copy localStorage to other tabs
 * asynchronously, so a read-modify-write in one tab can miss the other's write of a moment before).
 * Removing (delivered, expired, over a bound) touches nothing but the removed entry. localStorage,
 * not IndexedDB: it is synchronous, so `keep()` still works in `pagehide`, where an IndexedDB
 * transaction may never commit.
 * - only one tab drains at a time (Web Locks; where they are missing, e.g. plain-http pages, two
 *   tabs may both send an item — the `Idempotency-Key` lets the server keep exactly one);
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
  /** The prefix of the localStorage keys (`<key>:<idempotencyKey>`); one outbox per kind of data, e.g. `tp-outbox-telemetry`. */
  key: string;
  maxItems?: number;
  /** Upper bound of the stored JSON (all items as one array), in UTF-16 code units (what localStorage counts). */
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
  private readonly prefix: string;
  private draining?: Promise<void>;
  private last = 0;

  constructor(private readonly options: OutboxOptions) {
    this.maxItems = options.maxItems ?? 100;
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.maxAgeMs = options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000;
    this.deliver = options.deliver ?? ((request) => send(request));
    this.prefix = `${options.key}:`;
  }

  private get storage(): Storage | undefined {
    try {
      return this.options.storage ?? globalThis.localStorage;
    } catch {
      return undefined; // Storage blocked (privacy settings, sandboxed frames).
    }
  }

  /** Each kept request with its stored text, oldest first. What cannot be read counts as absent. */
  private entries(): [KeptRequest, string][] {
    const entries: [KeptRequest, string][] = [];
    const storage = this.storage;
    for (let i = 0; storage && i < storage.length; i++) {
      try {
        const key = storage.key(i)!;
        const text = key.startsWith(this.prefix) && storage.getItem(key);
        if (text) entries.push([JSON.parse(text) as KeptRequest, text]);
      } catch {
        // Storage blocked, or an entry that is not JSON.
      }
    }
    return entries.sort(([a], [b]) => a.keptAt - b.keptAt);
  }

  /** The kept requests, oldest first. Unreadable storage counts as empty. */
  items(): KeptRequest[] {
    return this.entries().map(([item]) => item);
  }

  /** Removes `entries` (the new item among them was never written) and says why. */
  private drop(entries: [KeptRequest, string][], reason: OutboxDrop): void {
    for (const [item] of entries) this.remove(item.idempotencyKey);
    if (entries.length) this.options.onDrop?.(reason, entries.length);
  }

  /**
   * Keeps `request` for a later attempt. Synchronous, so it works in `pagehide`. Only call it
   * with consent to store. Oldest items give way when a bound is reached.
   */
  keep(request: StorableRequest): boolean {
    const storage = this.storage;
    if (!storage) return false;
    const now = this.now();
    // Strictly increasing in this tab, so requests kept in the same millisecond stay in order.
    const item: KeptRequest = { ...request, keptAt: (this.last = Math.max(now, this.last + 0.001)) };
    const text = JSON.stringify(item);
    const entries = this.entries().filter(([kept]) => kept.idempotencyKey != item.idempotencyKey);
    const fresh = entries.filter(([kept]) => now - kept.keptAt <= this.maxAgeMs);
    this.drop(entries.filter((entry) => !fresh.includes(entry)), 'expired');
    fresh.push([item, text]);
    // Oldest first out: beyond maxItems, then until all of them as one JSON array fit in maxBytes.
    let over = Math.max(0, fresh.length - this.maxItems);
    let bytes = 1;
    for (const [, kept] of fresh.slice(over)) bytes += kept.length + 1;
    while (over < fresh.length && bytes > this.maxBytes) bytes -= fresh[over++]![1].length + 1;
    const pushed = fresh.slice(0, over);
    try {
      if (over < fresh.length) storage.setItem(this.prefix + item.idempotencyKey, text);
    } catch {
      return false; // Quota exceeded: the caller still has the request in memory.
    }
    this.drop(pushed, 'overflow');
    return true;
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(this.prefix + key);
    } catch {
      // Storage gone: nothing to remove.
    }
  }

  /** Forgets every kept request without sending it (e.g. when consent is withdrawn). */
  clear(): void {
    for (const item of this.items()) this.remove(item.idempotencyKey);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
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
          this.drop([[item, '']], 'rejected');
        } else {
          return; // Still failing (offline, server down): keep the rest for next time, in order.
        }
      }
    }
  }
}
