/**
 * Binary searches over items sorted by a number (offsets, mostly): the model and its rules
 * ask "which block, section or range holds this offset" of every finding, so in
 * logarithmic time, and with one implementation.
 */

/** The first index whose key is at least `value` (items.length when there is none). */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]!) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index whose key is above `value` (items.length when there is none). */
export function upperBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]!) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last item whose key is at most `value`, or undefined. */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): T | undefined {
  return items[upperBound(items, value, key) - 1];
}

/** The range of sorted, disjoint [start, end) ranges that holds an offset, or undefined. */
export function rangeHolding<T>(ranges: readonly T[], offset: number, bounds: (range: T) => readonly [number, number]): T | undefined {
  const range = lastAtOrBefore(ranges, offset, (candidate) => bounds(candidate)[0]);
  return range !== undefined && offset < bounds(range)[1] ? range : undefined;
}

/** Whether an offset falls in one of sorted, disjoint [start, end) ranges. */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  return rangeHolding(ranges, offset, (range) => range) !== undefined;
}
