/// <reference types="node" />
/**
 * The `touchpoint` command line. `main` returns the exit code instead of exiting, so tests and the bin
 * script decide what to do with it. A new command is one line in COMMANDS.
 */

import { ScheduleError } from '../time/index.js';
import { CliError, UsageError } from './args.js';
import type { CliIo, Command } from './args.js';
import { collectCommand } from './collect.js';
import { promisesCommand } from './promises.js';
import { replyStatsCommand } from './reply-stats.js';

const COMMANDS: Readonly<Record<string, Command>> = {
  'reply-stats': replyStatsCommand,
  promises: promisesCommand,
  collect: collectCommand,
};

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}\n`);
  return (
    `Usage: touchpoint <command> [options]\n\nCommands:\n${lines.join('')}\n` +
    'Run "touchpoint <command> --help" for its options.\n'
  );
}

/**
 * Runs one command. `argv` is the arguments after the program name (`process.argv.slice(2)`).
 * Exit codes: 0 done, 1 the input or schedule is unusable, 2 the command was called wrongly.
 * Unexpected errors are rethrown: they are bugs, and their stack is what a bug report needs.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const problem = name === undefined ? 'no command given' : `unknown command "${name}"`;
    io.stderr(`touchpoint: ${problem}\n\n${usage()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`touchpoint ${name}: ${error.message}\n\n${command.usage}`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`touchpoint ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ScheduleError) {
      io.stderr(`touchpoint ${name}: invalid schedule: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
