/// <reference types="node" />
/**
 * What every command shares: the I/O seam tests replace, the errors that become exit codes, and strict
 * flag parsing with node:util (no dependency).
 */

import { parseArgs } from 'node:util';
import { parseIsoInstant } from './iso-instant.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  /** One line for the top-level help. */
  readonly summary: string;
  /** Full usage, shown by `--help` and after a usage error. */
  readonly usage: string;
  /** Resolves to the exit code. Throws CliError for expected failures. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** An expected failure (missing file or column, nothing usable): its message goes to stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command was called wrongly: message and usage go to stderr, exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

export interface ParsedFlags<Name extends string> {
  readonly values: Partial<Record<Name, string>>;
  readonly positionals: string[];
}

/**
 * Every flag of these commands takes a value. Strict: an unknown flag or a flag without its value is a
 * usage error rather than being ignored.
 */
export function parseFlags<const Name extends string>(args: string[], names: readonly Name[]): ParsedFlags<Name> {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Partial<Record<Name, string>>, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireFlag(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required, e.g. ${flag} ${example}`);
  return value;
}

/** `--now`: an ISO 8601 time with offset; defaults to the clock so reports can be reproduced when given. */
export function nowFlag(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const now = parseIsoInstant(value);
  if (now === undefined) {
    throw new UsageError(`--now "${value}" is not an ISO 8601 time with a UTC offset, e.g. 2026-11-30T12:00:00Z`);
  }
  return now;
}
