import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { afterAll, describe, expect, it } from 'vitest';
import { measure } from '../../bench/bundle.mjs';
import { loaders } from '../../src/autoloader/loaders.js';
import { repoRoot } from '../support/browser.js';

// An app outside the repo with `touchpoint` in its node_modules (a link to this package, built), so
// that `touchpoint/react` resolves through package.json "exports" and "sideEffects" as it does for a
// user. Bundled as bench/bundle.mjs bundles (rollup + node-resolve + terser), React left external:
// the app ships React whatever it imports from us.
const app = mkdtempSync(join(tmpdir(), 'touchpoint-react-app-'));
mkdirSync(join(app, 'node_modules'));
symlinkSync(repoRoot, join(app, 'node_modules', 'touchpoint'), 'dir');
afterAll(() => rmSync(app, { recursive: true, force: true }));

async function bundleApp(source: string): Promise<string> {
  const input = join(app, `app-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(input, source);
  const build = await rollup({
    input,
    external: [/^react(\/|$)/],
    plugins: [nodeResolve({ rootDir: app, exportConditions: ['browser', 'production'] }), terser({ ecma: 2020, module: true })],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'esm', inlineDynamicImports: true });
  await build.close();
  return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

/** Every Touchpoint tag (the autoloader's list is the one list), in alphabetical order. */
const TAGS = Object.keys(loaders).sort();
/** The tags a bundle names (each is named by the registration that defines it). */
const tagsIn = (code: string) => TAGS.filter((tag) => code.includes(`"${tag}"`) || code.includes(`'${tag}'`));

describe('touchpoint/react is tree-shakable', () => {
  it('an app that uses only TpProgressBar bundles the progress bar and no other element, at about the size of touchpoint/progress-bar', async () => {
    const one = await bundleApp(`import { TpProgressBar } from 'touchpoint/react';\nconsole.log(TpProgressBar);\n`);
    const element = await bundleApp(`import 'touchpoint/progress-bar';\n`);

    expect(tagsIn(one)).toEqual(['tp-progress-bar']);
    // Code only the other elements have: the tooltip's popover, the reliable sender, the business-time engine.
    expect(one).not.toContain('popover');
    expect(one).not.toContain('Idempotency-Key');
    expect(one).not.toContain('Retry-After');
    // The wrapper costs @lit/react and a few bytes more than the element alone.
    const extra = measure(one).gzip - measure(element).gzip;
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThan(1024);
  });

  it('a wrapper registers the elements its element renders, and those only', async () => {
    const busy = await bundleApp(`import { TpBusy } from 'touchpoint/react';\nconsole.log(TpBusy);\n`);
    expect(tagsIn(busy)).toEqual(['tp-busy', 'tp-progress-bar']);
    const two = await bundleApp(`import { TpTooltip, TpSubmitConfirmation } from 'touchpoint/react';\nconsole.log(TpTooltip, TpSubmitConfirmation);\n`);
    expect(tagsIn(two)).toEqual(['tp-reply-promise', 'tp-submit-confirmation', 'tp-tooltip']);
  });

  it('each wrapper is also its own entry, touchpoint/react/<component>, as small as through the index', async () => {
    const alone = await bundleApp(`import { TpTooltip } from 'touchpoint/react/tooltip';\nconsole.log(TpTooltip);\n`);
    const viaIndex = await bundleApp(`import { TpTooltip } from 'touchpoint/react';\nconsole.log(TpTooltip);\n`);
    expect(tagsIn(alone)).toEqual(['tp-tooltip']);
    expect(alone.length).toBe(viaIndex.length);
  });

  it('an app that imports every wrapper still gets every element', async () => {
    const all = await bundleApp(`import * as Tp from 'touchpoint/react';\nconsole.log(Object.values(Tp));\n`);
    expect(tagsIn(all)).toEqual(TAGS);
  });
});
