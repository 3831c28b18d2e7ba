import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../bench/bundle.mjs';
import { repoRoot } from '../support/browser.js';

const read = (path: string) => readFileSync(`${repoRoot}/${path}`, 'utf8');
/** A string only dev warnings contain (src/core/warn.ts prefixes every one with it). */
const DEV_WARNING = '[touchpoint]';

// Built here, under vitest's NODE_ENV=test: the production outputs must not depend on NODE_ENV.
beforeAll(() => {
  execSync('npm run build --silent', { cwd: repoRoot, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'test' } });
}, 120_000);

describe('the build keeps its promises (DESIGN.md "Dev warnings", "Entries")', () => {
  it('strips dev warnings from the production ESM and touchpoint.min.js', () => {
    expect(read('dist/progress-bar/progress-bar.js')).not.toContain('has no accessible name');
    expect(read('dist/progress-bar/progress-bar.js')).not.toContain('a finite number above 0');
    expect(read('dist/core/define.js')).not.toContain('loaded a second time');
    expect(read('dist/touchpoint.min.js')).not.toContain(DEV_WARNING);
    // Only Lit's development build has this global; the production script must carry Lit's production build.
    expect(read('dist/touchpoint.min.js')).not.toContain('litIssuedWarnings');
    expect(read('dist/touchpoint.dev.js')).toContain('litIssuedWarnings');
  });

  it('keeps them in the development condition and touchpoint.dev.js', () => {
    expect(read('dist/dev/core/warn.js')).toContain(DEV_WARNING);
    expect(read('dist/dev/progress-bar/progress-bar.js')).toContain('has no accessible name');
    expect(read('dist/dev/core/define.js')).toContain('loaded a second time');
    expect(read('dist/touchpoint.dev.js')).toContain(DEV_WARNING);
  });

  it('keeps Lit out of the ESM entries and in the script bundles', () => {
    expect(read('dist/progress-bar/progress-bar.js')).toMatch(/from 'lit'/);
    expect(read('dist/touchpoint.min.js')).not.toMatch(/\bimport\b.*from/);
    expect(read('dist/touchpoint.min.js')).toContain('tp-progress-bar');
  });

  it('registers nothing from the index: only define files name a tag (what `sideEffects` promises)', async () => {
    // Components find their tag through `localName`; the tag string lives in define.ts alone.
    expect(await bundle(`${repoRoot}/dist/index.js`)).not.toContain('"tp-progress-bar"');
    expect(await bundle(`${repoRoot}/dist/progress-bar/define.js`)).toContain('"tp-progress-bar"');
  });

  it('imports for side effects only what `sideEffects` lists (a bundler ignores, with a warning, any other bare import)', () => {
    const sideEffectful = /\/(define|cdn)\.js$|\/locales\/[^/]+\.js$|\/autoloader\/index\.js$/;
    const bare: string[] = [];
    for (const file of readdirSync(`${repoRoot}/dist`, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.js') || /^(node|cdn)\/|\.min\.js$|\.dev\.js$/.test(file)) continue;
      for (const [, target] of read(`dist/${file}`).matchAll(/^import ['"]([^'"]+)['"]/gm)) {
        if (target!.startsWith('.') && !sideEffectful.test(`/${target}`)) bare.push(`${file} → ${target}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
