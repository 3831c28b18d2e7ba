import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// data-theme sets --tp-color-scheme on the root; it reaches an element only if the element's host
// reads it (custom properties inherit into shadow roots, so no list of tags is needed anywhere).
describe('data-theme', () => {
  it('every component’s host takes its color-scheme from --tp-color-scheme', () => {
    const root = `${process.cwd()}/src/`;
    const components = readdirSync(root).filter((dir) => existsSync(`${root}${dir}/define.ts`) && dir !== 'core');
    expect(components.length).toBeGreaterThan(5);
    const missing = components.filter((dir) => {
      const styles = readdirSync(`${root}${dir}`)
        .filter((f) => f.endsWith('.styles.ts'))
        .map((f) => readFileSync(`${root}${dir}/${f}`, 'utf8'))
        .join('\n');
      return !/:host \{[^}]*\bcolor-scheme: var\(--tp-color-scheme\);/.test(styles);
    });
    expect(missing).toEqual([]);
  });
});
