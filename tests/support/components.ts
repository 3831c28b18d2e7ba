// The components as the source defines them, for the unit tests that check lists of tags against
// it (custom-elements.json, the autoloader). vitest runs from the repository root (happy-dom's
// import.meta.url is not a file URL).
import { existsSync, readdirSync } from 'node:fs';

const root = `${process.cwd()}/`;

/** The component folders: src/<name>/define.ts (src/core/define.ts is the helper they call, not a component). */
export const defineFiles = readdirSync(`${root}src/`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'core' && existsSync(`${root}src/${d.name}/define.ts`))
  .map((d) => d.name);

/** Imports every src/<name>/define.ts; resolves to the tags registered meanwhile (in order, as often as defined). */
export async function importEveryDefine(): Promise<string[]> {
  const registered: string[] = [];
  const original = customElements.define.bind(customElements);
  customElements.define = (tag, ctor, options) => {
    registered.push(tag);
    original(tag, ctor, options);
  };
  try {
    for (const dir of defineFiles) await import(`../../src/${dir}/define.ts`);
  } finally {
    customElements.define = original;
  }
  return registered;
}
