import { defineConfig } from 'vitest/config';

// Suites run in order: fast unit tests, labs against the real engine (one file at a time, they
// share one engine), a check that the labs left nothing behind, then the deck in a real browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'labs',
          include: ['tests/labs/**/*.test.ts', 'tests/runner/**/*.test.ts', 'tests/challenges/**/*.test.ts', 'tests/offline/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/labs/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Its own group so it runs only after every lab test has finished.
        test: {
          name: 'leftovers',
          include: ['tests/leftovers/**/*.test.ts'],
          sequence: { groupOrder: 2 },
        },
      },
      {
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
