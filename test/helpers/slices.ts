import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseMarkdown } from '../../src/model/parse/parse.js';
import { scanSlices } from '../../src/model/parse/slices.js';

export function markdownIn(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => join(directory, name));
}

/**
 * Slicing at every place it may (each top-level block, every two table rows), and in slices
 * of a few kilobytes (where a slice holds several blocks), must not change the tree.
 */
export function expectSlicedEqualsWhole(path: string): number {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const options = { sliceSize: 1, tableRows: 2 };
  const whole = parseMarkdown(text, { sliceSize: Number.MAX_SAFE_INTEGER });
  expect(parseMarkdown(text, options), path).toEqual(whole);
  for (const sliceSize of [1024, 4096]) expect(parseMarkdown(text, { sliceSize }), `${path} in ${sliceSize}-byte slices`).toEqual(whole);
  return scanSlices(text, options).slices.length;
}
