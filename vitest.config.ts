import { defineConfig } from 'vitest/config';

// Two suites: fast pure-function unit tests, and conformance tests that run the real Codex CLI.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // `npm test` runs unit beside the browser tests on a 2-core machine, where a seeded
          // property with about 1 s of CPU took 12 s of wall time (load average ~30). The timeout
          // only stops a hang: tests that bound a cost measure their thread's CPU time instead
          // (tests/unit/_support/cpu.ts).
          testTimeout: 60_000,
        },
      },
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
