import { expect } from 'vitest';

/**
 * Checks that some work grows linearly with its input, without timing it against a clock
 * limit: the work at four times the size, in the same process right after, must take well
 * under the sixteen times a quadratic cost would show (generously: 10× and 50 ms). A busy
 * machine, or a collection of the old generation that lands in one measure, can still push a
 * single pair over that bound, so a pair over it is measured again, up to twice, and the
 * fastest time of each size counts: a quadratic cost is over the bound every time.
 *
 * `prepare(scale)` makes the input for a size outside the measure (by default the scale
 * itself); `work(input)` is what is timed. Each size is prepared anew for every measure, and
 * the work runs once before measuring, to warm up.
 */
export function expectLinearGrowth<T = number>(
  work: (input: T) => void,
  what: string,
  prepare: (scale: number) => T = (scale) => scale as T,
): { small: number; large: number } {
  work(prepare(1));
  const time = (scale: number) => {
    const input = prepare(scale);
    const started = performance.now();
    work(input);
    return performance.now() - started;
  };
  let small = time(1);
  let large = time(4);
  for (let again = 0; again < 2 && large >= small * 10 + 50; again++) {
    small = Math.min(small, time(1));
    large = Math.min(large, time(4));
  }
  expect(large, `${what}: ${small.toFixed(1)} ms, then ${large.toFixed(1)} ms at 4× the size`).toBeLessThan(small * 10 + 50);
  return { small, large };
}
