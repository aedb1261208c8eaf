// The storefront loader: one classic IIFE script, served by the Baton server as /widget.js.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: 'dist/loader',
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('src/loader/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'BatonLoader',
      fileName: () => 'widget.js',
    },
  },
});
