import { defineConfig } from 'vite';

/** Dev server only: where `vite` forwards API and socket traffic (the built console is same-origin). */
const devServer = 'http://localhost:3000';

// The Baton server serves dist/ at /console/.
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': devServer,
      '/socket.io': { target: devServer, ws: true },
    },
  },
});
