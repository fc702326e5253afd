import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { qrPlugin } from './slides/diagrams/qr-symbol.ts';

// Projects by what they need, run in order: `unit` needs neither an engine nor a browser (the inner
// loop: `npm run test:unit`); `labs` runs every lab against the real engine, one file at a time (they
// share it); `leftovers` checks that the labs left nothing behind; `deck` drives a real Chromium.
// Benchmarks are not tests: `npm run bench`.
export default defineConfig({
  // The deck's build-time modules, for tests that import slide code.
  plugins: [qrPlugin(fileURLToPath(new URL('slides/event.json', import.meta.url)))],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure tests: worker threads sharing one module graph halve the inner loop on 2 cores.
          pool: 'threads',
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'labs',
          include: [
            'tests/labs/**/*.test.ts',
            'tests/runner/**/*.test.ts',
            'tests/challenges/**/*.test.ts',
            'tests/offline/**/*.test.ts',
          ],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/labs/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Its own group so it runs only after every lab test has finished.
        extends: true,
        test: {
          name: 'leftovers',
          include: ['tests/leftovers/**/*.test.ts'],
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'deck',
          include: ['tests/deck/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
