import { defineConfig } from 'vitest/config';

/** `npm run test:slow`: the tests of test/slow (see vitest.config.ts). */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
