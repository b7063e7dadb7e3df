import { defineConfig } from 'vitest/config';

// Two suites: fast pure-function unit tests, and conformance tests that run the real Codex CLI.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Needs the production build in dist/ (the test command builds first).
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      {
        test: {
          name: 'conformance',
          include: ['tests/conformance/**/*.test.ts'],
          // Vitest's default is one file at a time on a 2-core machine (cores - 1), but these files
          // mostly wait on Codex sessions, timeouts and loopback fakes: the pinned release took
          // 8 min 26 s with one file at a time (4 min of CPU) and 4 min 22 s with four (all 694
          // passed, load average ~10 from other work). Each file still caps its own codex processes
          // (CONFORMANCE_CONCURRENCY, tests/support/codex.ts).
          maxWorkers: 4,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
