/// <reference types="node" />
/**
 * The local collector (`touchpoint collect`, and `/collect` under `npm start`): takes the HTTP sink's
 * batches, checks every event against schema v1, keeps one of each event id and appends them to an
 * NDJSON file, one event per line. A Node request handler, so any `http` server can mount it.
 *
 * Answers:
 * - 200 `{"stored":n,"duplicates":m}` once the new events are written (duplicates are answered 200
 *   too: the sender must stop retrying them);
 * - 204 to a CORS preflight from an allowed origin;
 * - 400 with the reasons when the body is not JSON, not an array, or any event breaks the schema
 *   (the batch is all or nothing: nothing of it is written);
 * - 403 for an `Origin` that is not allowed, without CORS headers;
 * - 405 for methods other than POST and OPTIONS; 413 for a body over `maxBodyBytes`;
 * - 415 for bodies that are neither `application/json` nor `text/plain` (what `sendBeacon` sends);
 * - 503 with `Retry-After: 1` while the disk is behind by more than `maxPendingBytes` (the sink retries);
 * - 500 when the file cannot be written (the ids are forgotten again, so a retry is stored).
 *
 * Memory is bounded: one body at most `maxBodyBytes` per request, writes waiting at most
 * `maxPendingBytes`, and the ids of the last `maxIds` events (read back from the file at start, so a
 * restart does not forget them). A duplicate older than that is written again: de-duplicate by `id`
 * downstream if that matters.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { checkEvent } from './schema.js';

export interface CollectorOptions {
  /** The NDJSON file events are appended to (created with its folder when missing). */
  out: string;
  /**
   * Origins allowed to post (exact, e.g. `https://shop.example`; `*` for any). Default: pages on
   * this machine (`localhost`, `127.0.0.1`, `[::1]`, any port). Pages served by the same loopback
   * server are always allowed; requests without an `Origin` (curl, servers) too.
   */
  origins?: readonly string[];
  /** Largest body accepted, in bytes (413 beyond). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Bytes waiting to be written before new batches get 503. Default 16 MiB. */
  maxPendingBytes?: number;
  /** How many recent event ids are remembered for de-duplication. Default 200,000. */
  maxIds?: number;
}

export interface CollectorStats {
  /** Events in the file when the collector started (readable lines). */
  existing: number;
  /** Events written since. */
  stored: number;
  /** Events received again and not written. */
  duplicates: number;
  /** Batches answered 4xx. */
  rejected: number;
}

export interface Collector {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Settles when the ids already in the file are read back; rejects when the file cannot be opened. */
  readonly ready: Promise<void>;
  readonly stats: CollectorStats;
  /** Finishes pending writes and closes the file. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MEDIA_TYPES = new Set(['application/json', 'text/plain']);
/** Reasons shown in a 400, at most. */
const MAX_PROBLEMS = 20;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Ids seen lately, oldest forgotten first: a Set iterates in insertion order. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
  delete(id: string): void {
    this.ids.delete(id);
  }
}

/** Whether `origin` may post: configured, loopback by default, or this very (loopback) server. */
function originAllowed(origin: string, host: string | undefined, origins: readonly string[] | undefined): boolean {
  if (origins?.includes('*') || origins?.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) unless listed
  }
  if (!LOOPBACK.has(url.hostname)) return false;
  return origins === undefined || url.host === host;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooBig = () => new HttpProblem(413, `body over ${limit} bytes`);
    if (Number(req.headers['content-length']) > limit) return reject(tooBig());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop reading: the rest is not buffered (the connection is closed after the answer).
      req.off('data', onData).pause();
      reject(tooBig());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => reject(new HttpProblem(400, 'the request ended early')));
  });
}

/** The events of a batch body, or a 400 saying why not. */
function parseBatch(text: string): Record<string, unknown>[] {
  let batch: unknown;
  try {
    batch = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, `body is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(batch)) throw new HttpProblem(400, 'expected a JSON array of events');
  const problems: string[] = [];
  for (let i = 0; i < batch.length && problems.length < MAX_PROBLEMS; i++) problems.push(...checkEvent(batch[i], `$[${i}]`));
  if (problems.length) {
    throw new HttpProblem(400, 'events do not match schema/event.v1.json', { problems: problems.slice(0, MAX_PROBLEMS) });
  }
  return batch as Record<string, unknown>[];
}

function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Reads the ids already in `file` (to de-duplicate across restarts); says whether it ends mid-line. */
async function readBack(file: string, ids: RecentIds): Promise<{ events: number; endsMidLine: boolean }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: 0, endsMidLine: false };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size) await handle.read(last, 0, 1, size - 1);
    let events = 0;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      try {
        const id = (JSON.parse(line) as { id?: unknown }).id;
        if (typeof id === 'string') {
          ids.add(id);
          events++;
        }
      } catch {
        // A line cut short by a crash: skipped, and the next write starts on a new line.
      }
    }
    return { events, endsMidLine: size > 0 && last[0] !== 0x0a };
  } finally {
    await handle.close();
  }
}

/** Creates the collector's request handler. Start using it at once: requests wait for `ready`. */
export function createCollector(options: CollectorOptions): Collector {
  const { out, origins, maxBodyBytes = 1024 * 1024, maxPendingBytes = 16 * 1024 * 1024, maxIds = 200_000 } = options;
  const ids = new RecentIds(maxIds);
  const stats: CollectorStats = { existing: 0, stored: 0, duplicates: 0, rejected: 0 };
  let stream: WriteStream | undefined;
  let pending = 0;

  const ready = (async () => {
    await mkdir(dirname(out), { recursive: true });
    const { events, endsMidLine } = await readBack(out, ids);
    stats.existing = events;
    stream = createWriteStream(out, { flags: 'a' });
    // Errors reach each write's callback (answered 500); this keeps them from being thrown.
    stream.on('error', () => {});
    if (endsMidLine) stream.write('\n');
  })();
  // Reported to each request (500) and to whoever awaits `ready`; not an unhandled rejection.
  ready.catch(() => {});

  function append(events: Record<string, unknown>[]): Promise<void> {
    const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
    const size = Buffer.byteLength(text);
    pending += size;
    return new Promise((resolve, reject) =>
      stream!.write(text, (error) => {
        pending -= size;
        if (error) reject(error);
        else resolve();
      }),
    );
  }

  async function post(req: IncomingMessage): Promise<{ stored: number; duplicates: number }> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!MEDIA_TYPES.has(type)) throw new HttpProblem(415, 'send application/json or text/plain');
    if (pending > maxPendingBytes) throw new HttpProblem(503, 'busy writing; retry shortly', undefined, { 'Retry-After': '1' });
    const batch = parseBatch(await readBody(req, maxBodyBytes));
    await ready;
    const fresh: Record<string, unknown>[] = [];
    for (const event of batch) {
      const id = event.id as string;
      if (ids.has(id)) continue;
      ids.add(id);
      fresh.push(event);
    }
    const duplicates = batch.length - fresh.length;
    try {
      if (fresh.length) await append(fresh);
    } catch (error) {
      // Not stored: forget the ids so the sender's retry is not mistaken for a duplicate.
      for (const event of fresh) ids.delete(event.id as string);
      throw new HttpProblem(500, `cannot write ${out}: ${(error as Error).message}`);
    }
    stats.stored += fresh.length;
    stats.duplicates += duplicates;
    return { stored: fresh.length, duplicates };
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, req.headers.host, origins)) {
      stats.rejected++;
      req.resume();
      return reply(res, 403, { error: `origin ${origin} is not allowed (see --origin)` });
    }
    const cors: Record<string, string> = origin === undefined ? {} : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      req.resume();
      return reply(res, 204, undefined, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'content-type, idempotency-key',
        'Access-Control-Max-Age': '7200',
        // Chrome's Private Network Access: a public page may post to this loopback collector.
        ...(req.headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
      });
    }
    if (req.method !== 'POST') {
      req.resume();
      return reply(res, 405, { error: 'POST a JSON array of events' }, { ...cors, Allow: 'POST, OPTIONS' });
    }
    post(req).then(
      (result) => reply(res, 200, result, cors),
      (error: unknown) => {
        const problem = error instanceof HttpProblem ? error : new HttpProblem(500, String(error));
        if (problem.status < 500) stats.rejected++;
        // A body left unread (413, 415, 503) is not drained: the connection closes after the answer.
        const unread = !req.complete;
        if (unread) res.shouldKeepAlive = false;
        reply(res, problem.status, { error: problem.message, ...problem.details }, { ...cors, ...problem.headers });
        if (unread) res.once('finish', () => req.destroy());
      },
    );
  };

  return Object.assign(handler, {
    ready,
    stats,
    async close() {
      await ready.catch(() => {});
      if (!stream) return;
      stream.end();
      await once(stream, 'close');
    },
  });
}
