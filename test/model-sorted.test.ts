import { describe, expect, it } from 'vitest';
import { inRanges, lastAtOrBefore, lowerBound, rangeHolding, upperBound } from '../src/model/text/sorted.js';

describe('binary searches over sorted offsets', () => {
  const starts = [0, 10, 10, 25];
  const id = (value: number) => value;

  it('finds the first key at least, and above, a value', () => {
    expect([-1, 0, 5, 10, 11, 25, 30].map((value) => lowerBound(starts, value, id))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect([-1, 0, 5, 10, 11, 25, 30].map((value) => upperBound(starts, value, id))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(lowerBound([], 3, id)).toBe(0);
  });

  it('finds the last item at or before a value, and the range holding an offset', () => {
    expect([-1, 0, 9, 10, 40].map((value) => lastAtOrBefore(starts, value, id))).toEqual([undefined, 0, 0, 10, 25]);
    const ranges: Array<[number, number]> = [[0, 5], [10, 20], [20, 21]];
    expect([0, 4, 5, 9, 10, 19, 20, 21].map((offset) => rangeHolding(ranges, offset, (range) => range)?.[0])).toEqual([0, 0, undefined, undefined, 10, 10, 20, undefined]);
    expect([0, 4, 5, 9, 10, 19, 20, 21].map((offset) => inRanges(ranges, offset))).toEqual([true, true, false, false, true, true, true, false]);
  });
});
