import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser.js';

// `npm run typecheck` proves the types against the source (tests/types). This proves them against
// what is published: dist/types through package.json "exports", as an app resolves `touchpoint/...`.
/** The errors `tsc -p <project>` prints ('' when none). */
function typeErrors(project: string): string {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { cwd: repoRoot, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
}

describe('published types (dist/types)', () => {
  it('type tags, JSX props and event details for an app that imports only touchpoint/jsx/react and touchpoint/react', () => {
    expect(typeErrors('tests/types/published')).toBe('');
  });

  it('type one wrapper imported from its subpath (touchpoint/react/progress-bar), with its element', () => {
    expect(typeErrors('tests/types/published-subpath')).toBe('');
  });
});
