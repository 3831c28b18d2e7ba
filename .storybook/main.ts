import type { StorybookConfig } from '@storybook/web-components-vite';
import { buildConstants } from '../scripts/constants.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Storybook's telemetry would wait on a network this machine (and many CI runners) do not have.
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Designers see dev warnings in the browser console, like developers do.
    vite.define = { ...vite.define, ...buildConstants({ dev: true }) };
    vite.optimizeDeps = {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return vite;
  },
};

export default config;
