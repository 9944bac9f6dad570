import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['crash/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
  },
});
