/// <reference types="node" />
/**
 * `touchpoint collect`: the local collector, the default place telemetry goes while building a site.
 * A Node HTTP server on 127.0.0.1 (never on other interfaces) around `createCollector`, which does
 * the work: schema check, de-duplication by event id, NDJSON on disk, CORS, size and memory limits.
 */

import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createCollector, type Collector } from '../collector/collector.js';
import { CliError, parseFlags, UsageError } from './args.js';
import type { CliIo, Command } from './args.js';
import { count } from './plural.js';

const USAGE = `Usage: touchpoint collect [--port 8787] [--out events.ndjson] [--origin <origins>]

Runs a local collector on 127.0.0.1 for Touchpoint's HTTP sink and appends every event it
receives to an NDJSON file (one JSON event per line), keeping one of each event id.

  --port <n>          port on 127.0.0.1 (default 8787; 0 picks a free one)
  --out <file>        where events are appended (default events.ndjson)
  --origin <origins>  pages allowed to send, comma-separated, e.g. https://shop.example
                      ("*" for any; default: pages on this machine, localhost and 127.0.0.1)
  --max-body <KiB>    largest batch accepted (default 1024)

Point a page at it: <script src="…/touchpoint.min.js" data-endpoint="http://127.0.0.1:8787/"
data-consent="granted">, or httpSink({ endpoint: 'http://127.0.0.1:8787/' }).
`;

const FLAGS = ['port', 'out', 'origin', 'max-body'] as const;
const HOST = '127.0.0.1';

export interface CollectServerOptions {
  port: number;
  out: string;
  origins?: string[];
  maxBodyBytes?: number;
}

export interface CollectServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  collector: Collector;
  /** Stops accepting requests, finishes writing and closes the file. */
  close(): Promise<void>;
}

/** Starts the collector on 127.0.0.1. Rejects when the file cannot be opened or the port is taken. */
export async function startCollectServer(options: CollectServerOptions): Promise<CollectServer> {
  const collector = createCollector({ out: options.out, origins: options.origins, maxBodyBytes: options.maxBodyBytes });
  await collector.ready;
  const server = createServer(collector);
  // A slow or stuck client cannot hold memory for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(options.port, HOST, ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${HOST}:${port}/`,
    collector,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await collector.close();
    },
  };
}

function portFlag(value: string | undefined): number {
  if (value === undefined) return 8787;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port "${value}" is not a port number (0 to 65535)`);
  return port;
}

function originsFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (parsed?.origin !== origin) throw new UsageError(`--origin "${origin}" is not an origin like https://shop.example (scheme, host and port only, no slash)`);
  }
  if (!origins.length) throw new UsageError('--origin needs at least one origin, e.g. https://shop.example');
  return origins;
}

function maxBodyFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const kib = Number(value);
  if (!/^\d+$/.test(value) || kib < 1) throw new UsageError(`--max-body "${value}" is not a size in KiB (a whole number from 1)`);
  return kib * 1024;
}

/** Resolves on the first SIGINT or SIGTERM. */
const stopSignal = () =>
  new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, FLAGS);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = portFlag(values.port);
  const out = resolve(values.out ?? 'events.ndjson');
  const origins = originsFlag(values.origin);
  const maxBodyBytes = maxBodyFlag(values['max-body']);
  let server: CollectServer;
  try {
    server = await startCollectServer({ port, out, origins, maxBodyBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${HOST} is in use: pick another with --port`);
    throw new CliError(`cannot collect into "${out}": ${(error as Error).message}`);
  }
  const { stats } = server.collector;
  io.stdout(
    `Collecting Touchpoint telemetry at ${server.url}\n` +
      `Appending events to ${out} (one JSON event per line; ${count(stats.existing, 'event')} already there).\n` +
      `Pages allowed to send: ${origins?.join(', ') ?? 'this machine (localhost, 127.0.0.1, [::1]); change with --origin'}.\n` +
      `Use it with data-endpoint="${server.url}" on the script tag. Press Ctrl+C to stop.\n`,
  );
  await stopSignal();
  await server.close();
  io.stdout(
    `Stopped. Stored ${count(stats.stored, 'new event')}; ${count(stats.duplicates, 'duplicate')} left out; ` +
      `${count(stats.rejected, 'request')} rejected.\n`,
  );
  return 0;
}

export const collectCommand: Command = {
  summary: 'run a local collector for telemetry on 127.0.0.1, appending events to NDJSON',
  usage: USAGE,
  run,
};
