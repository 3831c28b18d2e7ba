import { defineConfig } from 'vitest/config';

// The axe pass over the static Storybook build (npm run build-storybook first). Separate from
// `npm test` because it needs that build; .ci/run runs both.
export default defineConfig({
  test: {
    name: 'stories',
    reporters: ['default', ['json', { outputFile: '.tmp/results/stories.json' }]],
    environment: 'node',
    include: ['tests/stories/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
