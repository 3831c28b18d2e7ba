/**
 * Requests that could not be delivered yet, kept in localStorage and sent again later: on the next
 * page load, when the browser comes back online, or when the caller asks. DESIGN.md "Sending
 * reliably": bounded (items, bytes, age), never written without the right to store (telemetry keeps
 * only after a failure and under consent `granted`; a person's own request — an unsubscribe choice —
 * is kept before it is sent, because keeping it is part of doing what they asked, and is removed once
 * delivered), and safe with two tabs open.
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
import { send, type SendError, type SendRequest } from './send.js';

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
  /**
   * The prefix of the localStorage keys (`<key>:<idempotencyKey>`); one outbox per kind of data, e.g. `tp-outbox-unsubscribe`.
   * It also reads (sends, expires, clears) the outboxes keyed `<key>:<more>`, e.g. `tp-outbox-otlp:<endpoint>` for `tp-outbox-otlp`:
   * use such an outbox to clear them, never to send them (their requests go to other sinks' endpoints).
   */
  key: string;
  maxItems?: number;
  /** Upper bound of the stored JSON (all items as one array), in UTF-16 code units (what localStorage counts). */
  maxBytes?: number;
  maxAgeMs?: number;
  /** How one request is delivered; defaults to `send()` with its default policy. */
  deliver?: (request: SendRequest) => Promise<unknown>;
  /** Told what was dropped and why (how many, and which), so callers can count and report it. */
  onDrop?: (reason: OutboxDrop, count: number, items: KeptRequest[]) => void;
  storage?: Storage;
  now?: () => number;
}

type Entry = [item: KeptRequest, text: string, name: string];

// The methods are closures over the constructor's locals (not private members): minifiers shorten
// local names, not property names, and this module ships in every page that sends telemetry.
export class Outbox {
  /**
   * Keeps `request` for a later attempt. Synchronous, so it works in `pagehide`. Only call it
   * with consent to store. Oldest items give way when a bound is reached. False when storage is
   * unavailable or full (the caller still has the request).
   */
  readonly keep: (request: StorableRequest) => boolean;
  /** The kept requests, oldest first. What cannot be read counts as absent. */
  readonly items: () => KeptRequest[];
  /**
   * Sends every kept request, oldest first. Delivered or finally rejected ones leave storage;
   * the rest stay for next time. Resolves when this tab is done (or another tab is draining).
   */
  readonly flush: () => Promise<void>;
  /** Forgets every kept request without sending it (e.g. when consent is withdrawn). */
  readonly clear: () => void;

  constructor({
    key,
    maxItems = 100,
    maxBytes = 256 * 1024,
    maxAgeMs = 7 * 24 * 60 * 60 * 1000,
    deliver = (request) => send(request),
    onDrop,
    storage: given,
    now = Date.now,
  }: OutboxOptions) {
    const prefix = `${key}:`;
    let last = 0;
    let draining: Promise<void> | undefined;

    const storage = (): Storage | undefined => {
      try {
        return given ?? localStorage;
      } catch {
        return undefined; // Storage blocked (privacy settings, sandboxed frames).
      }
    };

    // By the name it was read under: an outbox also reads the outboxes keyed `<key>:<more>` (one per endpoint).
    const remove = ([, , name]: Entry) => {
      try {
        storage()?.removeItem(name);
      } catch {
        // Storage gone: nothing to remove.
      }
    };

    /** Removes `entries` (a new item among them was never written) and says why. */
    const drop = (entries: Entry[], reason: OutboxDrop) => {
      entries.forEach(remove);
      if (entries.length) onDrop?.(reason, entries.length, entries.map(([item]) => item));
    };

    /** Each kept request with its stored text, oldest first. */
    const entries = (): Entry[] => {
      const found: Entry[] = [];
      const store = storage();
      for (let i = 0; store && i < store.length; i++) {
        try {
          const name = store.key(i)!;
          const text = name.startsWith(prefix) && store.getItem(name);
          if (text) found.push([JSON.parse(text) as KeptRequest, text, name]);
        } catch {
          // Storage blocked, or an entry that is not JSON.
        }
      }
      // Past maxAgeMs an entry is neither sent nor kept, whoever reads the store first.
      const time = now();
      drop(
        found.filter(([item]) => time - item.keptAt > maxAgeMs),
        'expired',
      );
      return found.filter(([item]) => time - item.keptAt <= maxAgeMs).sort(([a], [b]) => a.keptAt - b.keptAt);
    };

    this.items = () => entries().map(([item]) => item);

    this.keep = (request) => {
      const store = storage();
      if (!store) return false;
      const time = now();
      // Strictly increasing in this tab, so requests kept in the same millisecond stay in order.
      const item: KeptRequest = { ...request, keptAt: (last = Math.max(time, last + 0.001)) };
      const text = JSON.stringify(item);
      const name = prefix + item.idempotencyKey;
      // Too big to keep even alone: refuse it, rather than push everything else out for nothing.
      if (text.length + 2 > maxBytes) return false;
      const fresh = entries().filter(([kept]) => kept.idempotencyKey != item.idempotencyKey);
      fresh.push([item, text, name]);
      // Oldest first out: beyond maxItems, then until all of them as one JSON array fit in maxBytes.
      let over = Math.max(0, fresh.length - maxItems);
      let bytes = 1;
      for (const [, kept] of fresh.slice(over)) bytes += kept.length + 1;
      while (over < fresh.length && bytes > maxBytes) bytes -= fresh[over++]![1].length + 1;
      try {
        if (over < fresh.length) store.setItem(name, text);
      } catch {
        return false; // Quota exceeded.
      }
      drop(fresh.slice(0, over), 'overflow');
      return true;
    };

    this.clear = () => entries().forEach(remove);

    const drain = async () => {
      for (const entry of entries()) {
        const { keptAt: _keptAt, ...request } = entry[0];
        try {
          await deliver(request);
          remove(entry);
        } catch (error) {
          // Still failing (offline, server down): keep the rest for next time, in order.
          if ((error as SendError)?.kind != 'rejected') return;
          drop([entry], 'rejected');
        }
      }
    };

    this.flush = () =>
      (draining ??= (async () => {
        const locks = globalThis.navigator?.locks;
        if (!locks) return drain();
        await locks.request(key, { ifAvailable: true }, async (lock) => {
          if (lock) await drain();
        });
      })().finally(() => (draining = undefined)));
  }
}
