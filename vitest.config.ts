import { defineConfig } from 'vitest/config';

/**
 * `npm test`: what a contributor runs before every commit. Full-size inputs, worker
 * threads over hundreds of files, the installed package, the pre-commit round trip and
 * the benchmark's smoke run are in test/slow (`npm run test:slow`, vitest.slow.config.ts);
 * CI runs both.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**', '**/node_modules/**'],
    // Worker threads start faster than forked processes: about a tenth of the suite's time here.
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
