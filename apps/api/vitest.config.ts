import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Password hashing is deliberately slow (scrypt), and `pnpm test` runs every package at once;
    // on a two-core machine a test that logs in several browsers can pass five seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
