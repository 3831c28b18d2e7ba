import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEMED_TAGS } from '../../src/script-config.js';

// data-theme reaches an element only if its tag is in THEMED_TAGS: a new component must be added.
describe('data-theme', () => {
  it('covers the tag of every component', () => {
    const root = `${process.cwd()}/src/`;
    const tags = readdirSync(root)
      .filter((dir) => existsSync(`${root}${dir}/define.ts`) && dir !== 'core')
      .flatMap((dir) => [...readFileSync(`${root}${dir}/define.ts`, 'utf8').matchAll(/define\('(tp-[a-z-]+)'/g)].map((m) => m[1]));
    expect(tags.length).toBeGreaterThan(5);
    expect(tags.filter((tag) => !THEMED_TAGS.includes(tag!))).toEqual([]);
  });
});
