import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests start servers on loopback ports; files run in parallel, tests inside a file in order.
    pool: 'forks',
    // Two workers on two cores, and one more: the end-to-end files mostly wait on sockets and timers.
    maxWorkers: 3,
    // Files share a worker's modules, so the content and the word index are loaded once per worker,
    // not once per file (no test replaces a module or changes the process's directory or clock).
    isolate: false,
    // The bundle npm start runs, built once (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
