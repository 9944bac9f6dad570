import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The hour-by-hour and property tests take seconds of CPU; `pnpm test` runs every package at
    // once, so on a small machine they need more than vitest's default five seconds.
    testTimeout: 60_000,
  },
});
