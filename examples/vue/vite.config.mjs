import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { exampleConfig } from '../vite.shared.mjs';

// Vue leaves tp-* tags to the browser (custom elements) instead of resolving them as Vue components.
const isCustomElement = (tag) => tag.startsWith('tp-');

export default defineConfig(exampleConfig(new URL('.', import.meta.url), [vue({ template: { compilerOptions: { isCustomElement } } })]));
