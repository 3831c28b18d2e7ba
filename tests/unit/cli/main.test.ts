// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('touchpoint main', () => {
  it('lists the commands on --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: touchpoint <command> \[options\]/);
    expect(run.stdout).toContain('  reply-stats  measure first-reply waits in business minutes from a tickets CSV\n');
    expect(run.stdout).toContain('  promises     check kept reply promises against the actual replies\n');
    expect(run.stderr).toBe('');
  });

  it('shows a command’s own usage on --help', async () => {
    const run = await runCli(['promises', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: touchpoint promises --events <events.ndjson> --replies <replies.csv>/);
  });

  it('exits 2 with the usage on an unknown command or none', async () => {
    const unknown = await runCli(['colect', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^touchpoint: unknown command "colect"\n\nUsage: touchpoint <command>/);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^touchpoint: no command given\n\nUsage/);
    const inherited = await runCli(['toString']);
    expect(inherited.code).toBe(2);
  });
});
