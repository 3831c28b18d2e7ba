import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { exampleConfig } from '../vite.shared.mjs';

export default defineConfig(exampleConfig(new URL('.', import.meta.url), [react()]));
