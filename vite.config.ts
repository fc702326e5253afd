import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { buildStampPlugin } from './runner/deck-build.ts';
import { qrPlugin } from './slides/diagrams/qr-symbol.ts';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

// The deck lives in slides/. It is served by `npm start` (the built deck) or `npm run dev` (vite in
// middleware mode), both behind the runner's guards; plain `vite` is not how Wharf serves it.
export default defineConfig({
  root: `${root}/slides`,
  base: './',
  plugins: [buildStampPlugin(root), qrPlugin(`${root}/slides/event.json`)],
  // No cross-origin reads of the dev server, whatever Origin asks.
  server: { host: '127.0.0.1', cors: false },
  preview: { host: '127.0.0.1', cors: false },
  // highlight.js (~900 kB raw) is one lazily loaded chunk on purpose: it loads after the deck is ready.
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  // Pre-bundled up front: discovering a lazily imported one mid-talk would make vite reload the page.
  optimizeDeps: {
    include: [
      'reveal.js',
      'reveal.js/plugin/markdown',
      'reveal.js/plugin/notes',
      'reveal.js/plugin/highlight',
      'eventsource-parser/stream',
    ],
  },
});
