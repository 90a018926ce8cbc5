// Builds the React renderer into out/renderer, loaded by Electron (file://) and by the
// web host (http), hence relative asset URLs.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: `${repoRoot}renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}out/renderer`,
    emptyOutDir: true,
    sourcemap: false,
    // Inlined assets would become data: URLs, which the CSP allows only for images.
    assetsInlineLimit: 0,
  },
});
