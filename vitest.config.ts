import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // End-to-end tests start servers on loopback ports; files run in parallel, tests inside a file in order.
    pool: 'forks',
  },
});
