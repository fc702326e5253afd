import { defineConfig } from 'vite';

// The deck lives in slides/; the presenter's port is fixed so slides, docs and the runner agree.
const port = Number(process.env.WHARF_PORT ?? 4173);

export default defineConfig({
  root: 'slides',
  base: './',
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  // highlight.js (~900 kB raw) is one lazily loaded chunk on purpose: it loads after the deck is ready.
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  // Pre-bundled up front: discovering a lazily imported one mid-talk would make vite reload the page.
  optimizeDeps: {
    include: ['reveal.js', 'reveal.js/plugin/markdown', 'reveal.js/plugin/notes', 'reveal.js/plugin/highlight', '@xterm/xterm', 'eventsource-parser/stream'],
  },
});
