// The iframe app: served by the Baton server at /widget/* from dist/frame (page: /widget/frame.html).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/widget/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/frame',
    emptyOutDir: true,
    // No modulepreload links or polyfill: the chunks loaded later (languages, the rating
    // prompt) are small and fetched when needed.
    modulePreload: false,
    rolldownOptions: { input: fileURLToPath(new URL('frame.html', import.meta.url)) },
  },
});
