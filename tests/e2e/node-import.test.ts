import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser.js';

const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { exports: Record<string, unknown> };
const moduleEntries = Object.entries(pkg.exports)
  // Module entries: types-only ones (touchpoint/jsx…) have no JavaScript to import.
  .filter(([, target]) => typeof target === 'object' && target !== null && 'default' in target)
  .map(([key]) => (key === '.' ? 'touchpoint' : `touchpoint/${key.slice(2)}`));

/**
 * Globals Lit's own Node build adds (its SSR shim includes a `customElements` registry). Anything
 * else appearing on `globalThis` would be Touchpoint touching the environment at import.
 */
const LIT_GLOBALS = ['customElements', 'litIssuedWarnings', 'litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'litServerRoot', 'reactiveElementVersions'];

/** Imports `specifier` in a fresh Node process (no DOM at all) and reports what it saw. */
function importInNode(specifier: string, conditions: string[] = []): string {
  const script = `
    const before = Object.keys(globalThis);
    const mod = await import(${JSON.stringify(specifier)});
    const added = Object.keys(globalThis).filter((k) => !before.includes(k));
    console.log(JSON.stringify({ exports: Object.keys(mod).length, added, hasDocument: typeof document !== 'undefined', hasWindow: typeof window !== 'undefined' }));
  `;
  return execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

describe('importing in plain Node (SSR, build tools)', () => {
  it('lists the module entries to check', () => {
    expect(moduleEntries).toContain('touchpoint');
    expect(moduleEntries).toContain('touchpoint/progress-bar');
  });

  for (const conditions of [[], ['development']]) {
    it.each(moduleEntries)(`%s imports without throwing or touching globals (conditions: ${conditions.join() || 'default'})`, (entry) => {
      const seen = JSON.parse(importInNode(entry, conditions)) as { exports: number; added: string[]; hasDocument: boolean; hasWindow: boolean };
      expect(seen.exports).toBeGreaterThan(0);
      expect(seen.added.filter((name) => !LIT_GLOBALS.includes(name))).toEqual([]);
      expect(seen.hasDocument || seen.hasWindow).toBe(false);
    });
  }
});
