import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser.js';

// `npm run typecheck` proves the types against the source (tests/types). This proves them against
// what is published: dist/types through package.json "exports", as an app resolves `touchpoint/...`.
describe('published types (dist/types)', () => {
  it('type tags, JSX props and event details for an app that imports only touchpoint/jsx/react and touchpoint/react', () => {
    let errors = '';
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tests/types/published'], { cwd: repoRoot, encoding: 'utf8' });
    } catch (error) {
      errors = String((error as { stdout?: string }).stdout || error);
    }
    expect(errors).toBe('');
  });
});
