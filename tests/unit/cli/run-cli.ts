import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `touchpoint <args>` in-process, capturing what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  const run = { code: 0, stdout: '', stderr: '' };
  run.code = await main(args, {
    stdout: (text) => (run.stdout += text),
    stderr: (text) => (run.stderr += text),
  });
  return run;
}

/** A temporary folder removed after the test file; `file` writes into it and returns the path. */
export function temporaryFolder(): { file: (name: string, content?: string) => string } {
  const folder = mkdtempSync(join(tmpdir(), 'touchpoint-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return {
    file(name, content) {
      const path = join(folder, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    },
  };
}
