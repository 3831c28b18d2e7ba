import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineFiles, importEveryDefine } from '../support/components.js';

// The manifest feeds Storybook's docs tables and editors' completions: it must say what the
// elements really do. `npm test` builds it first (pretest → build → manifest).
// vitest runs from the repository root (happy-dom's import.meta.url is not a file URL).
const root = `${process.cwd()}/`;
const manifestUrl = `${root}custom-elements.json`;

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  cssParts?: unknown[];
}

describe('custom-elements.json', () => {
  it('exists (run `npm run manifest`)', () => {
    expect(existsSync(manifestUrl)).toBe(true);
  });

  const manifest = existsSync(manifestUrl)
    ? (JSON.parse(readFileSync(manifestUrl, 'utf8')) as { modules: { declarations?: Declaration[] }[] })
    : { modules: [] };
  const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

  it('lists exactly the elements the source registers', async () => {
    const registered = await importEveryDefine();
    expect(registered.length).toBeGreaterThanOrEqual(defineFiles.length);
    expect(declared.map((d) => d.tagName).sort()).toEqual(registered.sort());
  });

  it.each(declared.map((d) => [d.tagName!, d] as const))('%s: attributes match what the element observes', async (tag, d) => {
    await importEveryDefine();
    const ctor = customElements.get(tag) as unknown as { observedAttributes: string[] } | undefined;
    expect(ctor, `${tag} is not defined by any src/*/define.ts`).toBeDefined();
    expect((d.attributes ?? []).map((a) => a.name).sort()).toEqual([...ctor!.observedAttributes].sort());
  });
});
