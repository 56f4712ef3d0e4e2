import { expect } from 'vitest';

/**
 * Checks that some work grows linearly with its input, without timing it against a clock
 * limit: the work at four times the size, in the same process right after, must take well
 * under the sixteen times a quadratic cost would show (generously: 10× and 50 ms, so that a
 * busy machine does not fail it). `work(scale)` does the work on an input `scale` times
 * the base size; it runs once before measuring, to warm up.
 */
export function expectLinearGrowth(work: (scale: number) => void, what: string): { small: number; large: number } {
  work(1);
  const time = (scale: number) => {
    const started = performance.now();
    work(scale);
    return performance.now() - started;
  };
  const small = time(1);
  const large = time(4);
  expect(large, `${what}: ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms at 4× the size`).toBeLessThan(small * 10 + 50);
  return { small, large };
}
