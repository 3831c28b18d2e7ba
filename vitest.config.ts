import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

// Tests run the dev build of the source: dev warnings are on (DESIGN.md "Dev warnings").
const setupFiles = ['tests/support/constants.ts'];

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one "N passed, N failed" line for all layers.
    reporters: ['default', ['json', { outputFile: '.tmp/results/tests.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles,
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        optimizeDeps: { include: ['axe-core', 'lit', 'lit/decorators.js', 'lit/directives/style-map.js'] },
        test: {
          name: 'browser',
          setupFiles,
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          setupFiles,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
