import { defineConfig } from 'vite';

// The deck lives in slides/; the presenter's port is fixed so slides, docs and the runner agree.
const port = Number(process.env.WHARF_PORT ?? 4173);

export default defineConfig({
  root: 'slides',
  base: './',
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { outDir: '../dist', emptyOutDir: true },
});
