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
    // One worker per core: vitest's default keeps one core for itself, which on two cores runs
    // the suite on one thread (73 s here, 46 s on two).
    maxWorkers: '100%',
    minWorkers: 1,
    // Test files share their workers' module cache: collecting the suite took 15 s when each
    // file imported the model and the engine again, 4 s now. A test that needs a module of its
    // own must not mock it (test/files-pruning.test.ts wraps node:fs instead).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
