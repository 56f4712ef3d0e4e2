/**
 * File-size scaling, measured inside one process (so that node's start-up does not hide
 * the cost of a small file): the median time to lint, and to parse at the floor, each
 * file given. Usage: node scaling.js <runs> <file>... ; prints JSON.
 */
import { readFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lintText } from '../src/api/lint.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const config = { root: true, extends: ['pm-lint:strict'] };

function floor(text: string): void {
  const stack: Nodes[] = [processor.parse(text)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void, repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const [runsArgument, ...files] = process.argv.slice(2);
const runs = Number(runsArgument);
const rows = files.map((file) => {
  const text = readFileSync(file, 'utf8');
  // Small files are timed over many repetitions, after a warm-up, for a stable median.
  const repeat = text.length < 200_000 ? Math.max(runs, 30) : runs;
  time(() => lintText(text, { config, filePath: file }), Math.min(repeat, 5));
  return {
    file,
    bytes: Buffer.byteLength(text),
    pmLintMs: time(() => lintText(text, { config, filePath: file }), repeat),
    floorMs: time(() => floor(text), repeat),
  };
});
process.stdout.write(`${JSON.stringify(rows)}\n`);
