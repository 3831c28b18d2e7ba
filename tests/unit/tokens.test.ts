import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../stories/tokens.js';

// The token table (Storybook's Docs/Theming page and the README) must list every `--tp-*` custom
// property the components read, with the defaults they really use.
const root = `${process.cwd()}/`;
const styles = readdirSync(`${root}src`, { withFileTypes: true, recursive: true })
  .filter((f) => f.isFile() && f.name.endsWith('.styles.ts'))
  .map((f) => readFileSync(`${f.parentPath}/${f.name}`, 'utf8'))
  .join('\n');
// Which component folders read each token (src/<component>/….styles.ts).
const readers = new Map<string, Set<string>>();
for (const f of readdirSync(`${root}src`, { withFileTypes: true, recursive: true })) {
  if (!f.isFile() || !f.name.endsWith('.styles.ts')) continue;
  const component = f.parentPath.slice(`${root}src/`.length).split('/')[0]!;
  for (const m of readFileSync(`${f.parentPath}/${f.name}`, 'utf8').matchAll(/var\((--tp-[a-z0-9-]+)/g)) {
    readers.set(m[1]!, (readers.get(m[1]!) ?? new Set()).add(component));
  }
}
const used = new Set([...styles.matchAll(/var\((--tp-[a-z0-9-]+)/g)].map((m) => m[1]));

describe('design tokens', () => {
  it('the table lists every token the styles read, and nothing else', () => {
    expect(used.size).toBeGreaterThan(10);
    expect(new Set(TOKENS.map((t) => t.name))).toEqual(used);
  });

  // "Used by" may also name a component that shows another inside (busy shows a progress bar).
  it('"used by" names every component whose styles read the token', () => {
    for (const t of TOKENS) for (const component of readers.get(t.name)!) expect(t.usedBy, t.name).toContain(component);
  });

  it('colour defaults are the ones the styles use', () => {
    for (const t of TOKENS.filter((t) => t.default.startsWith('light-dark('))) {
      expect(styles, t.name).toContain(`var(${t.name}, ${t.default})`);
    }
  });

  it('the README documents every token with its default', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    for (const t of TOKENS) expect(readme, t.name).toContain(`| \`${t.name}\` | ${t.what} | \`${t.default}\` |`);
  });
});
